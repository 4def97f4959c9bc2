package ai.interconnects.archive.search.meaning;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The vectors of recently asked queries, least recently used first out. A reader who
 * pages through results, adds a filter, changes the order or switches between the page
 * and the JSON API asks the same words again, and embedding them is the largest part of
 * the meaning half of a search (BENCHMARKS.md, "Run I"); the pages' own cache does not
 * cover this, since each of those is a different address. The vectors come from one
 * loaded model, so they never go stale. Holds about 1.6 kB a query.
 */
final class QueryVectors {

	private final int capacity;

	private final Map<String, float[]> recent;

	QueryVectors(int capacity) {
		this.capacity = capacity;
		this.recent = new LinkedHashMap<>(16, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
				return size() > QueryVectors.this.capacity;
			}

		};
	}

	/**
	 * The query's vector, embedded by {@code embed} unless it is among the recent ones.
	 * Embedding runs outside the lock: two readers asking the same new query may both
	 * embed it, but none waits for another's query.
	 */
	float[] get(String query, Embedder embed) throws Exception {
		if (this.capacity == 0) {
			return embed.embed(query);
		}
		synchronized (this.recent) {
			var known = this.recent.get(query);
			if (known != null) {
				return known;
			}
		}
		var vector = embed.embed(query);
		synchronized (this.recent) {
			this.recent.put(query, vector);
		}
		return vector;
	}

	/** Embeds one query with the loaded model. */
	interface Embedder {

		float[] embed(String query) throws Exception;

	}

	int size() {
		synchronized (this.recent) {
			return this.recent.size();
		}
	}

}
