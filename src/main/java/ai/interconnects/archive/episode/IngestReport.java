package ai.interconnects.archive.episode;

import java.util.List;

/**
 * What storing the items of one feed did.
 *
 * @param seen distinct items in the feed (an item listed twice counts once)
 * @param created items stored as new episodes
 * @param updated items that changed an archived episode
 * @param unchanged items identical to the archived episode
 * @param failures items that could not be stored; the others were
 */
public record IngestReport(int seen, int created, int updated, int unchanged, List<Failure> failures) {

	/** An item that could not be stored, and why. */
	public record Failure(String itemKey, String itemTitle, String message) {
	}

}
