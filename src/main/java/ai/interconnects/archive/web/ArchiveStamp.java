package ai.interconnects.archive.web;

import java.time.Instant;

/**
 * What the archive holds now, in one small reading: how many episodes and when the last
 * changed, and when what is derived from them last changed ({@link DerivedChanges}). Part
 * of every page's entity tag. Declared here and answered by the owner of the episodes, so
 * this package reads no feature's table.
 */
public interface ArchiveStamp {

	Stamp current();

	/**
	 * {@code lastChange} is null for an empty archive; {@code derivedChange} is the last
	 * {@link DerivedChanges} time, or null.
	 */
	record Stamp(long episodes, Instant lastChange, Instant derivedChange) {

		public Stamp(long episodes, Instant lastChange) {
			this(episodes, lastChange, null);
		}

		boolean empty() {
			return this.episodes == 0;
		}

		/**
		 * The same stamp with the derived data's last change: a part of its own, not
		 * merged into {@code lastChange}, so a clock behind the database's still moves
		 * it.
		 */
		Stamp changedAt(Instant derived) {
			if (derived == null || (this.derivedChange != null && !derived.isAfter(this.derivedChange))) {
				return this;
			}
			return new Stamp(this.episodes, this.lastChange, derived);
		}

		/** For {@code Last-Modified}: the later of the two changes. */
		Instant lastModified() {
			if (this.derivedChange == null
					|| (this.lastChange != null && !this.derivedChange.isAfter(this.lastChange))) {
				return this.lastChange;
			}
			return this.derivedChange;
		}

	}

}
