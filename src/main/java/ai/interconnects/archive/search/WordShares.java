package ai.interconnects.archive.search;

import java.util.List;

/**
 * How much of a query's words a candidate holds, each word weighted by its IDF: the
 * hybrid ranking's discount for words scattered over an episode ({@link HybridSearch})
 * and for moments holding some of the words ({@link HybridPage}).
 */
final class WordShares {

	private WordShares() {
	}

	/**
	 * The largest share of the query's words one of the candidates holds, each word
	 * weighted by its IDF (its largest over the fields); a word the archive lacks weighs
	 * as much as the rarest one it has, or 1.
	 */
	static double coverage(List<String> lexemes, RankingRepository.Ranking ranking,
			List<RankingRepository.Candidate> candidates) {
		var weights = weights(lexemes, ranking);
		double best = 0;
		for (var candidate : candidates) {
			best = Math.max(best, share(weights, candidate));
		}
		return best;
	}

	/**
	 * Each query word's weight: its IDF (the largest over the fields); a word the archive
	 * lacks weighs as much as the rarest one it has, or 1.
	 */
	static double[] weights(List<String> lexemes, RankingRepository.Ranking ranking) {
		var weights = new double[lexemes.size()];
		double rarest = 0;
		for (int i = 0; i < weights.length; i++) {
			for (var idfs : ranking.idfs().values()) {
				weights[i] = Math.max(weights[i], idfs[i]);
			}
			rarest = Math.max(rarest, weights[i]);
		}
		for (int i = 0; i < weights.length; i++) {
			if (weights[i] <= 0) {
				weights[i] = (rarest > 0) ? rarest : 1;
			}
		}
		return weights;
	}

	/** The weighted share of the query's words the episode holds somewhere. */
	static double share(double[] weights, RankingRepository.Candidate candidate) {
		var present = new boolean[weights.length];
		for (int i = 0; i < weights.length; i++) {
			present[i] = candidate.units()[i] > 0;
		}
		return share(weights, present);
	}

	/** The weighted share of the query's words that are present. */
	static double share(double[] weights, boolean[] present) {
		double total = 0;
		double held = 0;
		for (int i = 0; i < weights.length; i++) {
			total += weights[i];
			held += present[i] ? weights[i] : 0;
		}
		return (total > 0) ? held / total : 0;
	}

}
