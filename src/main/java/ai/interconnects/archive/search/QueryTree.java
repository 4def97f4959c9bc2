package ai.interconnects.archive.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The structure of a {@code tsquery} as PostgreSQL prints it ({@code 'open' <-> 'model' &
 * !'china'}), read back by {@link TsqueryParser} so the ranking knows which lexemes count
 * (those not under a negation) and which episodes can possibly match, from the term
 * statistics alone. PostgreSQL still decides every actual match; this is only used to
 * rank and to skip episodes that lack a required word.
 */
sealed interface QueryTree {

	/** Every lexeme that is not under a negation, in order of first appearance. */
	default List<String> positiveLexemes() {
		var lexemes = new LinkedHashSet<String>();
		collect(this, lexemes);
		return List.copyOf(lexemes);
	}

	/**
	 * Whether an episode containing only {@code present} (indexes into
	 * {@link #positiveLexemes()}) can match somewhere: a phrase needs all its words, a
	 * negation is never ruled out at episode level (the excluded word may be absent from
	 * the matching segment).
	 */
	boolean mayMatch(List<String> lexemes, int[] units);

	/**
	 * An upper-bound guess of the episode's matching moments from its per-lexeme moment
	 * counts: the fewest of an AND or phrase, the sum of an OR.
	 */
	long estimateMoments(List<String> lexemes, int[] units);

	/** True when the query is one lexeme: then the statistics give exact counts. */
	default boolean singleLexeme() {
		return this instanceof Lexeme;
	}

	record Lexeme(String text) implements QueryTree {

		@Override
		public boolean mayMatch(List<String> lexemes, int[] units) {
			int i = lexemes.indexOf(this.text);
			return i >= 0 && units[i] > 0;
		}

		@Override
		public long estimateMoments(List<String> lexemes, int[] units) {
			int i = lexemes.indexOf(this.text);
			return (i >= 0) ? units[i] : 0;
		}

	}

	record Not(QueryTree operand) implements QueryTree {

		@Override
		public boolean mayMatch(List<String> lexemes, int[] units) {
			return true;
		}

		@Override
		public long estimateMoments(List<String> lexemes, int[] units) {
			return Long.MAX_VALUE;
		}

	}

	/** {@code &} and {@code <->}: every operand must match (a phrase in one text). */
	record All(List<QueryTree> operands) implements QueryTree {

		@Override
		public boolean mayMatch(List<String> lexemes, int[] units) {
			return this.operands.stream().allMatch((o) -> o.mayMatch(lexemes, units));
		}

		@Override
		public long estimateMoments(List<String> lexemes, int[] units) {
			long fewest = Long.MAX_VALUE;
			for (var operand : this.operands) {
				fewest = Math.min(fewest, operand.estimateMoments(lexemes, units));
			}
			return fewest;
		}

	}

	record Any(List<QueryTree> operands) implements QueryTree {

		@Override
		public boolean mayMatch(List<String> lexemes, int[] units) {
			return this.operands.stream().anyMatch((o) -> o.mayMatch(lexemes, units));
		}

		@Override
		public long estimateMoments(List<String> lexemes, int[] units) {
			long sum = 0;
			for (var operand : this.operands) {
				long n = operand.estimateMoments(lexemes, units);
				sum = (n == Long.MAX_VALUE) ? n : Math.min(Long.MAX_VALUE - 1, sum + n);
				if (sum == Long.MAX_VALUE) {
					break;
				}
			}
			return sum;
		}

	}

	private static void collect(QueryTree tree, Set<String> into) {
		if (tree instanceof Lexeme lexeme) {
			into.add(lexeme.text());
		}
		else if (tree instanceof All all) {
			all.operands().forEach((o) -> collect(o, into));
		}
		else if (tree instanceof Any any) {
			any.operands().forEach((o) -> collect(o, into));
		}
	}

}
