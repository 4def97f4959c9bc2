package ai.interconnects.archive.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The structure of a {@code tsquery} as PostgreSQL prints it ({@code 'open' <-> 'model' &
 * !'china'}), read back so the ranking knows which lexemes count (those not under a
 * negation) and which episodes can possibly match, from the term statistics alone.
 * PostgreSQL still decides every actual match; this is only used to rank and to skip
 * episodes that lack a required word.
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

	/**
	 * Reads PostgreSQL's text form of a tsquery. Precedence as in PostgreSQL: {@code !}
	 * binds tightest, then {@code <->}/{@code <N>}, then {@code &}, then {@code |}.
	 */
	static QueryTree parse(String text) {
		var parser = new Parser(text);
		var tree = parser.or();
		parser.skipSpaces();
		if (parser.at < text.length()) {
			throw new IllegalArgumentException("Unexpected tsquery text at " + parser.at + ": " + text);
		}
		return tree;
	}

	final class Parser {

		private final String text;

		private int at;

		private Parser(String text) {
			this.text = text;
		}

		QueryTree or() {
			var operands = new ArrayList<QueryTree>();
			operands.add(and());
			while (accept("|")) {
				operands.add(and());
			}
			return (operands.size() == 1) ? operands.get(0) : new Any(operands);
		}

		QueryTree and() {
			var operands = new ArrayList<QueryTree>();
			operands.add(phrase());
			while (accept("&")) {
				operands.add(phrase());
			}
			return (operands.size() == 1) ? operands.get(0) : new All(operands);
		}

		QueryTree phrase() {
			var operands = new ArrayList<QueryTree>();
			operands.add(not());
			while (acceptDistance()) {
				operands.add(not());
			}
			return (operands.size() == 1) ? operands.get(0) : new All(operands);
		}

		QueryTree not() {
			if (accept("!")) {
				return new Not(not());
			}
			if (accept("(")) {
				var inner = or();
				expect(")");
				return inner;
			}
			return lexeme();
		}

		private QueryTree lexeme() {
			skipSpaces();
			expect("'");
			var out = new StringBuilder();
			while (true) {
				if (this.at >= this.text.length()) {
					throw new IllegalArgumentException("Unterminated lexeme in " + this.text);
				}
				char c = this.text.charAt(this.at++);
				if (c == '\'') {
					if (this.at < this.text.length() && this.text.charAt(this.at) == '\'') {
						out.append('\'');
						this.at++;
						continue;
					}
					break;
				}
				if (c == '\\' && this.at < this.text.length()) {
					c = this.text.charAt(this.at++);
				}
				out.append(c);
			}
			// weight or prefix markers (':*', ':AB') never come from websearch syntax
			if (this.at < this.text.length() && this.text.charAt(this.at) == ':') {
				this.at++;
				while (this.at < this.text.length() && "*ABCDabcd".indexOf(this.text.charAt(this.at)) >= 0) {
					this.at++;
				}
			}
			return new Lexeme(out.toString());
		}

		private boolean acceptDistance() {
			skipSpaces();
			if (this.text.startsWith("<", this.at)) {
				int close = this.text.indexOf('>', this.at);
				this.at = close + 1;
				return true;
			}
			return false;
		}

		private boolean accept(String token) {
			skipSpaces();
			if (this.text.startsWith(token, this.at)) {
				this.at += token.length();
				return true;
			}
			return false;
		}

		private void expect(String token) {
			if (!accept(token)) {
				throw new IllegalArgumentException("Expected " + token + " at " + this.at + " in " + this.text);
			}
		}

		void skipSpaces() {
			while (this.at < this.text.length() && this.text.charAt(this.at) == ' ') {
				this.at++;
			}
		}

	}

}
