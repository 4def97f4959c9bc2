package ai.interconnects.archive.search;

import java.util.ArrayList;

/**
 * Reads a {@code tsquery} as PostgreSQL prints it back into a {@link QueryTree}: a
 * recursive descent, one method per precedence level.
 */
final class TsqueryParser {

	private final String text;

	private int at;

	private TsqueryParser(String text) {
		this.text = text;
	}

	/**
	 * Reads PostgreSQL's text form of a tsquery. Precedence as in PostgreSQL: {@code !}
	 * binds tightest, then {@code <->}/{@code <N>}, then {@code &}, then {@code |}.
	 */
	static QueryTree parse(String text) {
		var parser = new TsqueryParser(text);
		var tree = parser.or();
		parser.skipSpaces();
		if (parser.at < text.length()) {
			throw new IllegalArgumentException("Unexpected tsquery text at " + parser.at + ": " + text);
		}
		return tree;
	}

	private QueryTree or() {
		var operands = new ArrayList<QueryTree>();
		operands.add(and());
		while (accept("|")) {
			operands.add(and());
		}
		return (operands.size() == 1) ? operands.get(0) : new QueryTree.Any(operands);
	}

	private QueryTree and() {
		var operands = new ArrayList<QueryTree>();
		operands.add(phrase());
		while (accept("&")) {
			operands.add(phrase());
		}
		return (operands.size() == 1) ? operands.get(0) : new QueryTree.All(operands);
	}

	private QueryTree phrase() {
		var operands = new ArrayList<QueryTree>();
		operands.add(not());
		while (acceptDistance()) {
			operands.add(not());
		}
		return (operands.size() == 1) ? operands.get(0) : new QueryTree.All(operands);
	}

	private QueryTree not() {
		if (accept("!")) {
			return new QueryTree.Not(not());
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
		return new QueryTree.Lexeme(out.toString());
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

	private void skipSpaces() {
		while (this.at < this.text.length() && this.text.charAt(this.at) == ' ') {
			this.at++;
		}
	}

}
