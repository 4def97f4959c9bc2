package ai.interconnects.archive.web;

import java.time.Instant;

/**
 * When something the pages show that is derived from the archive's content, and changes
 * without the content changing, last changed on this instance: the index of search by
 * meaning (related episodes, similar moments, "not ready yet"). Folded into the
 * {@link ArchiveStamp} of every page, so cached pages and entity tags follow it. Declared
 * here and answered by its owner, so this package depends on no feature.
 */
public interface DerivedChanges {

	/** The time of the last change; null when there is nothing to follow. */
	Instant lastChange();

}
