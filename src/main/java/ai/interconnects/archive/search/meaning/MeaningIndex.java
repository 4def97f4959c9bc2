package ai.interconnects.archive.search.meaning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps this instance's {@link VectorIndex} in step with {@code moment_vector} (leaving
 * out text that three or more episodes share, such as a show's sign-off): loads every
 * embedded episode after start-up (in the background, a few episodes at a time, so search
 * by meaning covers more of the archive as it goes), then every
 * {@code archive.meaning.index-refresh} reloads the episodes whose revision changed (any
 * instance's worker finished them) and drops the ones that are gone. Needs no model:
 * related episodes and similar moments work from the stored vectors alone.
 */
@Component
class MeaningIndex implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(MeaningIndex.class);

	private static final int LOAD_MOMENTS = 20_000;

	private final JdbcClient jdbc;

	private final MeaningProperties properties;

	private final String model;

	private volatile VectorIndex index = VectorIndex.EMPTY;

	private volatile boolean loaded;

	private volatile Thread thread;

	private final VectorBudget budget;

	/** Why the vectors are not held (they need more heap than they may take), or null. */
	private volatile String refusal;

	@Autowired
	MeaningIndex(JdbcClient jdbc, MeaningProperties properties) {
		this(jdbc, properties, Runtime.getRuntime()::maxMemory);
	}

	MeaningIndex(JdbcClient jdbc, MeaningProperties properties, LongSupplier maxHeap) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.model = properties.model().idOrNull();
		this.budget = new VectorBudget(properties.maxHeapShare(), maxHeap);
	}

	VectorIndex current() {
		return this.index;
	}

	/**
	 * Why no vector is held although episodes have them: they would need more than
	 * {@code archive.meaning.max-heap-share} of the heap; null when they fit.
	 */
	String refusal() {
		return this.refusal;
	}

	/** Whether the first load after start-up has finished. */
	boolean loaded() {
		return this.loaded;
	}

	@EventListener(ApplicationReadyEvent.class)
	synchronized void start() {
		if (!this.properties.enabled() || this.model == null || this.thread != null) {
			return;
		}
		var refresher = new Thread(this::run, "meaning-index");
		refresher.setDaemon(true);
		this.thread = refresher;
		refresher.start();
	}

	private void run() {
		while (!Thread.currentThread().isInterrupted()) {
			try {
				refresh();
				this.loaded = true;
				Thread.sleep(this.properties.indexRefresh().toMillis());
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (RuntimeException ex) {
				logger.warn("The vector index could not be refreshed: {}", ex.toString());
				try {
					Thread.sleep(this.properties.indexRefresh().toMillis());
				}
				catch (InterruptedException stop) {
					return;
				}
			}
		}
	}

	private record Stamp(long revision, long publishedAt, int moments) {
	}

	/** Reads what changed since the last refresh; the new index replaces the old. */
	synchronized void refresh() {
		if (this.model == null) {
			return;
		}
		var stamps = new HashMap<Long, Stamp>();
		this.jdbc.sql("""
				select m.episode_id, m.revision, extract(epoch from e.published_at)::bigint as published, m.moments
				from meaning_episode m join episode e on e.id = m.episode_id
				where m.model = :model and m.revision is not null
				""").param("model", this.model).query((rs) -> {
			long published = rs.getLong("published");
			stamps.put(rs.getLong("episode_id"),
					new Stamp(rs.getLong("revision"), rs.wasNull() ? Long.MIN_VALUE : published, rs.getInt("moments")));
		});
		if (!fits(stamps.values())) {
			return;
		}
		var current = this.index;
		var removed = new HashSet<Long>();
		for (var block : current.blocks()) {
			if (!stamps.containsKey(block.episodeId)) {
				removed.add(block.episodeId);
			}
		}
		var changed = new ArrayList<Long>();
		long moments = 0;
		for (var entry : stamps.entrySet()) {
			var block = current.block(entry.getKey());
			var stamp = entry.getValue();
			if (block == null || block.revision != stamp.revision() || block.publishedAt != stamp.publishedAt()) {
				changed.add(entry.getKey());
			}
		}
		changed.sort(null);
		var chunk = new ArrayList<Long>();
		for (int i = 0; i < changed.size(); i++) {
			chunk.add(changed.get(i));
			var block = current.block(changed.get(i));
			moments += (block != null) ? block.size() : 400;
			if (moments >= LOAD_MOMENTS || i == changed.size() - 1) {
				this.index = this.index.with(load(chunk, stamps), (i == changed.size() - 1) ? removed : List.of());
				chunk.clear();
				moments = 0;
			}
		}
		if (changed.isEmpty() && !removed.isEmpty()) {
			this.index = this.index.with(List.of(), removed);
		}
	}

	/**
	 * Whether every episode's vectors fit in the heap's share: when they do not, none is
	 * held (a search over part of the archive would rank it wrongly without saying so)
	 * and search is by words, with the reason on the admin page and in search's notice;
	 * the operator is told once how to give them room.
	 */
	private boolean fits(Collection<Stamp> stamps) {
		var reason = this.budget.refusal(stamps.stream().mapToInt(Stamp::moments).toArray());
		if (reason == null) {
			if (this.refusal != null) {
				logger.info("Search by meaning: the vectors fit in the heap now; loading them");
				this.refusal = null;
			}
			return true;
		}
		if (this.refusal == null) {
			logger.warn("Search by meaning is off: {} ({}, archive.meaning.max-heap-share). Give the JVM more heap "
					+ "(ARCHIVE_HEAP with bin/archive, or -Xmx) or raise that share; search is by words meanwhile.",
					reason, this.budget.describe());
		}
		this.refusal = reason;
		this.index = VectorIndex.EMPTY;
		return false;
	}

	private List<VectorBlock> load(List<Long> episodeIds, Map<Long, Stamp> stamps) {
		var moments = new HashMap<Long, List<VectorBlock.Moment>>();
		this.jdbc.sql("""
				select v.episode_id, v.kind, v.position, v.embedding, s.speaker
				from moment_vector v
				left join transcript_segment s
				    on v.kind = 'SEGMENT' and s.episode_id = v.episode_id and s.position = v.position
				where v.model = :model and v.episode_id = any(:ids)
				  -- boilerplate ("This is a public episode…"): a text that two other episodes
				  -- also have is left out, or it would be close to every question
				  and (select count(*) from (
				          select 1 from moment_vector o
				          where o.model = v.model and o.text_hash = v.text_hash and o.episode_id <> v.episode_id
				          limit 2) other) < 2
				order by v.episode_id, v.kind, v.position
				""").param("model", this.model).param("ids", episodeIds.toArray(Long[]::new)).query((rs) -> {
			moments.computeIfAbsent(rs.getLong("episode_id"), (id) -> new ArrayList<>())
				.add(new VectorBlock.Moment(MomentKind.valueOf(rs.getString("kind")), rs.getInt("position"),
						SpeakerIds.of(rs.getString("speaker")), VectorRepository.decode(rs.getBytes("embedding"))));
		});
		var blocks = new ArrayList<VectorBlock>();
		for (var id : episodeIds) {
			var stamp = stamps.get(id);
			blocks.add(new VectorBlock(id, stamp.revision(), stamp.publishedAt(), moments.getOrDefault(id, List.of())));
		}
		return blocks;
	}

	@Override
	public void destroy() throws InterruptedException {
		var running = this.thread;
		if (running != null) {
			running.interrupt();
			running.join(10_000);
		}
	}

}
