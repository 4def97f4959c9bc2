package ai.interconnects.archive.search;

/**
 * Where a matching moment is: the kinds of searchable text, in the order a tie between
 * equally relevant moments of one episode is broken.
 */
enum MomentKind {

	TITLE, CHAPTER, NOTES, SEGMENT;

	/** For CSS classes ({@code search-moment-segment}). */
	public String cssName() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
