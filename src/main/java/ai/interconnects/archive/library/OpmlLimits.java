package ai.interconnects.archive.library;

/**
 * How much of an OPML file is read before it is refused whole.
 *
 * @param maxBytes the largest file (a podcast app's export of a thousand shows is a few
 * hundred kilobytes; Overcast's, with every played episode, a few megabytes)
 * @param maxOutlines outlines of any kind, episodes and folders included
 * @param maxShows shows one file may add
 * @param maxDepth how deep outlines may nest
 */
public record OpmlLimits(long maxBytes, int maxOutlines, int maxShows, int maxDepth) {

	/** The limits used unless configured otherwise. */
	public static final OpmlLimits DEFAULT = new OpmlLimits(10L * 1024 * 1024, 100_000, 1_000, 16);

}
