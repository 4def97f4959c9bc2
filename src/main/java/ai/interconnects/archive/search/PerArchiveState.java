package ai.interconnects.archive.search;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import ai.interconnects.archive.web.ArchiveStamp;

/**
 * A value that changes only when the archive does (the host, the months of the date
 * filter): computed once per state of the archive, by its {@link ArchiveStamp}, which the
 * request has read already, and kept until the stamp moves or another key is asked.
 */
final class PerArchiveState<T> {

	private record Kept<T>(ArchiveStamp.Stamp stamp, Object key, T value) {
	}

	private final ArchiveStamp stamps;

	private final AtomicReference<Kept<T>> kept = new AtomicReference<>();

	PerArchiveState(ArchiveStamp stamps) {
		this.stamps = stamps;
	}

	/**
	 * The value for {@code key} (null: the only one) in the archive's current state, from
	 * {@code compute} when it is not kept.
	 */
	T get(Object key, Supplier<T> compute) {
		var stamp = this.stamps.current();
		var kept = this.kept.get();
		if (kept != null && kept.stamp().equals(stamp) && Objects.equals(kept.key(), key)) {
			return kept.value();
		}
		var value = compute.get();
		this.kept.set(new Kept<>(stamp, key, value));
		return value;
	}

}
