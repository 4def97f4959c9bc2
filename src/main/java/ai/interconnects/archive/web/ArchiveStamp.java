package ai.interconnects.archive.web;

import java.time.Instant;

/**
 * What the archive holds now, in one small reading: how many episodes and when the last
 * changed. Part of every page's entity tag. Declared here and answered by the owner of
 * the episodes, so this package reads no feature's table.
 */
public interface ArchiveStamp {

	Stamp current();

	/** {@code lastChange} is null for an empty archive. */
	record Stamp(long episodes, Instant lastChange) {

		boolean empty() {
			return this.episodes == 0;
		}

	}

}
