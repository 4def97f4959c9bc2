package ai.interconnects.archive.search;

/**
 * The hybrid ranking's formula (README "Search by meaning"): a convex combination of a
 * words score and a meaning score whose weight on words depends on how well the words
 * matched.
 * <ul>
 * <li>words: BM25 (as keyword search, but any of the words), divided by the best
 * candidate's, times the square of the IDF-weighted share of the query's words present
 * unless they meet in one moment (for an episode) or all present (for a moment);
 * <li>meaning: cosine similarity s of the query's and the moment's vectors, mapped to [0,
 * 1] as max(0, (s − {@code floor}) / (1 − {@code floor}));
 * <li>α, the weight on words: {@code allWords} when some moment holds every query word
 * (the query would find something as keyword search), else {@code someWords} × c^
 * {@code power}, with c the largest share of the query's words (weighted by IDF, a word
 * the archive lacks weighing as much as its rarest) that one episode holds;
 * <li>score = α · words + (1 − α) · meaning, for an episode (its BM25, its best moment's
 * similarity) and for each moment under it (the moment's BM25 and similarity).
 * </ul>
 * The constants were chosen on the labelled questions (SearchEvaluationTests,
 * BENCHMARKS.md).
 *
 * @param allWords α when some moment has all the query's words
 * @param someWords α's ceiling otherwise
 * @param power how fast α falls with the share of words present
 * @param floor the similarity that counts as no resemblance at all
 * @param wordEpisodes episodes ranked by words that are fused (at least; more for deep
 * pages)
 * @param meaningMoments moments ranked by meaning that are fused
 */
record Fusion(double allWords, double someWords, double power, double floor, int wordEpisodes, int meaningMoments) {

	static final Fusion DEFAULT = new Fusion(0.8, 0.1, 2, 0.4, 50, 200);

	/** The weight on words for a query. */
	double alpha(boolean allWordsMeet, double coverage) {
		return allWordsMeet ? this.allWords : this.someWords * Math.pow(coverage, this.power);
	}

	/** A cosine similarity on the meaning scale [0, 1]. */
	double meaning(double similarity) {
		if (Double.isNaN(similarity)) {
			return 0;
		}
		return Math.max(0, (similarity - this.floor) / (1 - this.floor));
	}

	double score(double alpha, double words, double meaning) {
		return alpha * words + (1 - alpha) * meaning;
	}

}
