package ai.interconnects.archive.search.meaning;

import java.time.Instant;

import ai.interconnects.archive.web.DerivedChanges;

import org.springframework.stereotype.Component;

/**
 * When what search by meaning adds to the pages last changed on this instance: the model
 * became ready (or failed), the first load of the vectors ended, or the index took in
 * episodes the background worker embedded. Pages that said "not ready yet", or had no
 * related episodes, are cached under the archive's stamp; this moves it, so they are
 * rendered again (and their entity tags change) once the vectors are in.
 * <p>
 * Read on each page request (a few volatile reads): the in-memory index is replaced,
 * never changed in place, so a new index object is a change. The first reading counts as
 * a change too: a page cached by a browser before a restart may describe another state.
 */
@Component
class MeaningChanges implements DerivedChanges {

	private record Seen(EmbeddingEngine.State state, boolean loaded, VectorIndex index, Instant at) {

		boolean same(EmbeddingEngine.State state, boolean loaded, VectorIndex index) {
			return this.state == state && this.loaded == loaded && this.index == index;
		}

	}

	private final EmbeddingEngine engine;

	private final MeaningIndex index;

	private Seen seen;

	MeaningChanges(EmbeddingEngine engine, MeaningIndex index) {
		this.engine = engine;
		this.index = index;
	}

	@Override
	public synchronized Instant lastChange() {
		var state = this.engine.state();
		if (state == EmbeddingEngine.State.DISABLED) {
			return null;
		}
		var loaded = this.index.loaded();
		var current = this.index.current();
		if (this.seen == null || !this.seen.same(state, loaded, current)) {
			var now = Instant.now();
			// strictly later than the last change, whatever the clock's resolution
			if (this.seen != null && !now.isAfter(this.seen.at())) {
				now = this.seen.at().plusNanos(1);
			}
			this.seen = new Seen(state, loaded, current, now);
		}
		return this.seen.at();
	}

}
