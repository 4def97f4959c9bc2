package ai.interconnects.archive.search.meaning;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * Search by meaning, for keyword search's hybrid ranking and the "more like this" pages:
 * the query's vector, the moments closest to it (archive-wide or in one episode), and
 * what the archive's vectors cover so far.
 */
@Service
public class MeaningSearch {

	private final EmbeddingEngine engine;

	private final MeaningIndex index;

	private final EmbeddingProgress progress;

	MeaningSearch(EmbeddingEngine engine, MeaningIndex index, EmbeddingProgress progress) {
		this.engine = engine;
		this.index = index;
		this.progress = progress;
	}

	/** A moment and how close it is to what was asked (cosine similarity, -1 to 1). */
	public record MomentHit(long episodeId, MomentKind kind, int position, double similarity) {
	}

	/** A query's vector, ready to compare with the moments'. */
	public static final class MeaningQuery {

		private final VectorBlock.Query query;

		private MeaningQuery(float[] vector) {
			this.query = new VectorBlock.Query(vector);
		}

	}

	/**
	 * Whether search by meaning can answer now: the model is loaded and some episode has
	 * vectors ({@link #query} may still fail on one query).
	 */
	public boolean answers() {
		return this.index.current().episodes() > 0 && this.engine.ready();
	}

	/**
	 * The query's vector, or empty when search by meaning cannot answer now: the model is
	 * off, still loading or failed, or no episode has vectors yet.
	 */
	public Optional<MeaningQuery> query(String text) {
		if (this.index.current().episodes() == 0) {
			return Optional.empty();
		}
		return this.engine.embedQuery(text).map(MeaningQuery::new);
	}

	/** The {@code k} closest moments the filter admits, best first. */
	public List<MomentHit> nearest(MeaningQuery query, MeaningFilter filter, int k) {
		return nearest(query, filter, k, new ScanHelp());
	}

	/**
	 * The same; the thread that calls {@code help.help()} (a search's own, once its words
	 * half is done) takes parts of the scan too.
	 */
	public List<MomentHit> nearest(MeaningQuery query, MeaningFilter filter, int k, ScanHelp help) {
		return hits(this.index.current().nearest(query.query, filter, k, help));
	}

	/** The episode's {@code k} closest moments the filter admits, best first. */
	public List<MomentHit> bestInEpisode(MeaningQuery query, long episodeId, MeaningFilter filter, int k) {
		return hits(this.index.current().bestInEpisode(query.query, episodeId, filter, k));
	}

	/** The similarity of one moment with the query, or NaN when it has no vector. */
	public double similarity(MeaningQuery query, long episodeId, MomentKind kind, int position) {
		var block = this.index.current().block(episodeId);
		double best = Double.NaN;
		if (block != null) {
			for (int i = 0; i < block.size(); i++) {
				if (block.kinds[i] == kind && block.positions[i] == position) {
					double score = block.score(i, query.query);
					best = Double.isNaN(best) ? score : Math.max(best, score);
				}
			}
		}
		return best;
	}

	/** How many of the episode's moments the filter admits are at least this similar. */
	public int countAtLeast(MeaningQuery query, long episodeId, MeaningFilter filter, double similarity) {
		var block = this.index.current().block(episodeId);
		int count = 0;
		int speaker = filter.speakerId();
		if (block != null) {
			for (int i = 0; i < block.size(); i++) {
				if (MeaningFilter.admits(block, i, speaker) && block.score(i, query.query) >= similarity) {
					count++;
				}
			}
		}
		return count;
	}

	/**
	 * An episode related to another: its similarity (of the means of their moments'
	 * vectors) and the moment of it closest to the other's subject ({@code topic}, its
	 * best chapter title when it has chapters).
	 */
	public record Related(long episodeId, double similarity, MomentHit topic) {
	}

	/** The {@code k} episodes closest in subject to the given one, closest first. */
	public List<Related> related(long episodeId, int k) {
		var related = new ArrayList<Related>();
		for (var r : this.index.current().related(episodeId, k)) {
			var block = r.block();
			var topic = (r.topic() < 0) ? null : new MomentHit(block.episodeId, block.kinds[r.topic()],
					block.positions[r.topic()], r.similarity());
			related.add(new Related(block.episodeId, r.similarity(), topic));
		}
		return related;
	}

	/**
	 * The {@code k} moments of other episodes closest in meaning to the given moment,
	 * closest first; empty when it has no vector.
	 */
	public List<MomentHit> similar(long episodeId, MomentKind kind, int position, int k) {
		var current = this.index.current();
		var vector = current.vector(episodeId, kind, position);
		if (vector == null) {
			return List.of();
		}
		var hits = new ArrayList<MomentHit>();
		int own = current.block(episodeId).size();
		for (var hit : hits(current.nearest(new VectorBlock.Query(vector), MeaningFilter.NONE, k + own))) {
			if (hit.episodeId() != episodeId && hits.size() < k) {
				hits.add(hit);
			}
		}
		return hits;
	}

	/**
	 * The show notes' paragraphs, numbered as their moments ({@link MomentKind#NOTES}).
	 */
	public static List<String> notesParagraphs(String showNotesHtml) {
		return NotesParagraphs.of(showNotesHtml);
	}

	/** Whether the episode has vectors (it takes part in search by meaning). */
	public boolean covers(long episodeId) {
		return this.index.current().block(episodeId) != null;
	}

	private static List<MomentHit> hits(List<VectorIndex.Scored> scored) {
		var hits = new ArrayList<MomentHit>(scored.size());
		for (var s : scored) {
			hits.add(new MomentHit(s.block().episodeId, s.block().kinds[s.index()], s.block().positions[s.index()],
					s.score()));
		}
		return hits;
	}

	/**
	 * What search by meaning can do now.
	 *
	 * @param available whether queries are embedded and compared (model loaded, vectors
	 * in memory)
	 * @param reason why not, for people ("still loading", "switched off", the failure)
	 * @param episodesIndexed episodes whose vectors this instance holds
	 * @param momentsIndexed their moments
	 * @param indexBytes memory the vectors take
	 * @param enabled whether search by meaning is switched on (archive.meaning.enabled)
	 * @param pending whether it will answer without anyone doing anything (the model or
	 * the vectors still loading, nothing embedded yet), as opposed to a model that cannot
	 * load here or vectors too large for the heap
	 */
	public record Status(boolean available, String reason, int episodesIndexed, long momentsIndexed, long indexBytes,
			boolean enabled, boolean pending) {
	}

	public Status status() {
		var current = this.index.current();
		// each read once: the model and the index change under a request
		var state = this.engine.state();
		var refusal = this.index.refusal();
		var reason = switch (state) {
			case DISABLED, UNAVAILABLE -> this.engine.reason();
			case LOADING -> "The embedding model is still loading.";
			case READY -> (current.episodes() > 0) ? null : (refusal != null) ? refusal
					: this.index.loaded() ? "No episode has been embedded yet." : "The vectors are still loading.";
		};
		boolean pending = state == EmbeddingEngine.State.LOADING
				|| (state == EmbeddingEngine.State.READY && reason != null && refusal == null);
		return new Status(reason == null, reason, current.episodes(), current.moments(), current.bytes(),
				state != EmbeddingEngine.State.DISABLED, pending);
	}

	/**
	 * The background embedding's progress over the whole archive: moments with a vector
	 * of the current model, of all moments ({@code estimated}: counted from the text of
	 * the episodes not embedded yet), and the episodes waiting.
	 */
	public record Progress(long embedded, long total, long episodesWaiting, boolean estimated) {
	}

	public Progress progress() {
		var counts = this.progress.counts(this.engine.modelId());
		return new Progress(counts.embedded(), counts.total(), counts.episodesWaiting(), counts.estimated());
	}

	/** The model and version that makes this instance's vectors, or null. */
	public String modelId() {
		return this.engine.modelId();
	}

}
