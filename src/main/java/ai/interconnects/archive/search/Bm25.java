package ai.interconnects.archive.search;

/**
 * The ranking constants (README "Search" gives the formula). BM25F: an episode is one
 * document with four fields; a word's occurrences in each field are length-normalised
 * against that field's average length, weighted by the field, summed, and only then
 * saturated, so many mentions spread over fields do not add up beyond what one very
 * relevant field gives.
 */
final class Bm25 {

	/** Saturation: how quickly further occurrences stop adding relevance. */
	static final double K1 = 1.2;

	/** Length normalisation: 0 none, 1 fully proportional to length. */
	static final double B = 0.75;

	/** An occurrence in the episode title counts as this many occurrences in speech. */
	static final double TITLE_WEIGHT = 8.0;

	static final double CHAPTER_WEIGHT = 4.0;

	static final double NOTES_WEIGHT = 2.0;

	static final double SPEECH_WEIGHT = 1.0;

	private Bm25() {
	}

	static double weight(MomentKind kind) {
		return switch (kind) {
			case TITLE -> TITLE_WEIGHT;
			case CHAPTER -> CHAPTER_WEIGHT;
			case NOTES -> NOTES_WEIGHT;
			case SEGMENT -> SPEECH_WEIGHT;
		};
	}

}
