package ai.interconnects.archive.search;

/**
 * The ranking constants (README "Search" gives the formula): a weighted sum of per-field
 * BM25 over an episode's four fields. Per field rather than BM25F (fields merged before
 * saturation) so that a title match still counts for a word the speech mentions hundreds
 * of times: in BM25F the title's occurrences would vanish into the saturated speech.
 */
final class Bm25 {

	/** Saturation: how quickly further occurrences stop adding relevance. */
	static final double K1 = 1.2;

	/** Length normalisation: 0 none, 1 fully proportional to length. */
	static final double B = 0.75;

	/**
	 * A field's BM25 is multiplied by its weight: title above chapters above notes above
	 * speech.
	 */
	static final double TITLE_WEIGHT = 8.0;

	static final double CHAPTER_WEIGHT = 4.0;

	static final double NOTES_WEIGHT = 2.0;

	static final double SPEECH_WEIGHT = 1.0;

	private Bm25() {
	}

	/**
	 * One query lexeme's share of a moment's relevance: its IDF in the moment's field
	 * times the field's weight times its {@code tf} occurrences, saturated and normalised
	 * by the moment's {@code length} in tokens against the field's average moment. The
	 * same formula, in the same order of operations, as the SQL of
	 * {@link MomentRepository#momentRelevance} (SearchStatisticsTests compares them).
	 */
	static double moment(double idf, double weight, long tf, double length, double unitLength) {
		return idf * weight * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / unitLength));
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
