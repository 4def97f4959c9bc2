package ai.interconnects.archive.search.meaning;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The one background worker of this instance that gives every moment its vector: it takes
 * one episode at a time from {@code meaning_episode} (ingest and re-parse mark them,
 * V12), embeds the moments whose text has no vector yet (a vector of the same text,
 * anywhere in the archive, is reused), stores them a batch at a time (so a restart
 * resumes where it stopped) and publishes the episode to the search indexes. Ingest and
 * pages never wait for it: it runs in its own low-priority thread, on
 * {@code archive.meaning.worker-threads} cores.
 */
@Component
class EmbeddingWorker implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddingWorker.class);

	private final EmbeddingEngine engine;

	private final VectorRepository vectors;

	private final MomentTexts texts;

	private final MeaningProperties properties;

	/** This instance, in claims: another instance never embeds what this one holds. */
	private final String instance = "instance-" + UUID.randomUUID();

	private volatile Thread thread;

	private volatile boolean stopping;

	EmbeddingWorker(EmbeddingEngine engine, VectorRepository vectors, MomentTexts texts, MeaningProperties properties) {
		this.engine = engine;
		this.vectors = vectors;
		this.texts = texts;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	synchronized void start() {
		if (!this.properties.enabled() || !this.properties.worker() || this.thread != null) {
			return;
		}
		var worker = new Thread(this::run, "meaning-worker");
		worker.setDaemon(true);
		worker.setPriority(Thread.MIN_PRIORITY);
		this.thread = worker;
		worker.start();
	}

	private void run() {
		while (!this.stopping) {
			try {
				var state = this.engine.state();
				if (state == EmbeddingEngine.State.DISABLED || state == EmbeddingEngine.State.UNAVAILABLE) {
					return;
				}
				if (state != EmbeddingEngine.State.READY || !embedNext()) {
					Thread.sleep(this.properties.idle().toMillis());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				// the database was away, say: the claim expires and the episode is tried
				// again
				logger.warn("Embedding paused: {}", ex.toString());
				sleepQuietly();
			}
		}
	}

	private void sleepQuietly() {
		try {
			Thread.sleep(this.properties.idle().toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.stopping = true;
		}
	}

	/**
	 * Embeds the next episode that needs it; false when none does.
	 */
	boolean embedNext() {
		var model = this.engine.modelId();
		var claimed = this.vectors.claim(this.instance, model, this.properties.lease());
		if (claimed.isEmpty()) {
			return false;
		}
		long episodeId = claimed.get();
		var moments = this.texts.of(episodeId);
		var stored = this.vectors.storedHashes(episodeId, model);
		var todo = new ArrayList<MomentTexts.Moment>();
		var keep = new ArrayList<String>();
		for (var moment : moments) {
			var key = VectorRepository.key(moment.kind(), moment.position());
			keep.add(key);
			var hash = stored.get(key);
			if (hash == null || !java.util.Arrays.equals(hash, moment.hash())) {
				todo.add(moment);
			}
		}
		for (int from = 0; from < todo.size() && !this.stopping; from += this.properties.batchSize()) {
			var batch = todo.subList(from, Math.min(todo.size(), from + this.properties.batchSize()));
			this.vectors.store(episodeId, model, vectorsOf(batch, model));
			if (!this.vectors.renew(episodeId, this.instance, this.properties.lease())) {
				// another instance took it over (this one was too slow): it finishes it
				return true;
			}
		}
		if (!this.stopping) {
			this.vectors.finish(episodeId, this.instance, model, keep);
		}
		return true;
	}

	/** The batch's vectors: reused where the same text has one, embedded otherwise. */
	private List<VectorRepository.Row> vectorsOf(List<MomentTexts.Moment> batch, String model) {
		var hex = HexFormat.of();
		var reusable = this.vectors.reusable(batch.stream().map(MomentTexts.Moment::hash).toList(), model);
		var toEmbed = new LinkedHashMap<String, String>();
		for (var moment : batch) {
			var hash = hex.formatHex(moment.hash());
			if (!reusable.containsKey(hash)) {
				toEmbed.putIfAbsent(hash, moment.text());
			}
		}
		if (!toEmbed.isEmpty()) {
			List<float[]> embedded;
			try {
				embedded = this.engine.embed(new ArrayList<>(toEmbed.values()));
			}
			catch (Exception ex) {
				throw new IllegalStateException("The model failed on a batch: " + ex, ex);
			}
			int i = 0;
			for (var hash : toEmbed.keySet()) {
				reusable.put(hash, VectorRepository.encode(embedded.get(i++)));
			}
		}
		var rows = new ArrayList<VectorRepository.Row>();
		for (var moment : batch) {
			rows.add(new VectorRepository.Row(moment.kind(), moment.position(), moment.hash(),
					reusable.get(hex.formatHex(moment.hash()))));
		}
		return rows;
	}

	@Override
	public void destroy() throws InterruptedException {
		this.stopping = true;
		var running = this.thread;
		if (running != null) {
			running.interrupt();
			running.join(10_000);
		}
	}

}
