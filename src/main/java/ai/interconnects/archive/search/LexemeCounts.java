package ai.interconnects.archive.search;

import java.util.HashMap;
import java.util.List;

/**
 * How often each query lexeme occurs in a moment, read from the moment's vector cut down
 * to the query's lexemes ({@link #found}) in PostgreSQL's text form of a tsvector:
 * {@code 'gpus':13A 'own':5A,9A}, each lexeme quoted (a quote doubled, a backslash
 * escaping the next character), then its positions. (ts_filter keeps only lexemes with
 * positions; the archive's vectors, made by to_tsvector, have them all.)
 */
final class LexemeCounts {

	private LexemeCounts() {
	}

	/**
	 * SQL: the {@code vector} cut down to the {@code :lexemes} (marked with weight A,
	 * then kept): counting them over it costs a third of counting over all of the vector.
	 */
	static String onlyQueryLexemes(String vector) {
		return "ts_filter(setweight(%s, 'A', :lexemes::text[]), '{a}')".formatted(vector);
	}

	/** SQL: {@link #onlyQueryLexemes} as text, for {@link #of}. */
	static String found(String vector) {
		return onlyQueryLexemes(vector) + "::text";
	}

	/** The occurrences of each of the {@code lexemes} in the vector's text. */
	static int[] of(String vector, List<String> lexemes) {
		var counts = new HashMap<String, Integer>();
		int i = 0;
		int n = (vector != null) ? vector.length() : 0;
		while (i < n) {
			if (vector.charAt(i) != '\'') {
				i++;
				continue;
			}
			var lexeme = new StringBuilder();
			i++;
			while (i < n) {
				char c = vector.charAt(i);
				if (c == '\'' && i + 1 < n && vector.charAt(i + 1) == '\'') {
					lexeme.append('\'');
					i += 2;
				}
				else if (c == '\'') {
					i++;
					break;
				}
				else if (c == '\\' && i + 1 < n) {
					lexeme.append(vector.charAt(i + 1));
					i += 2;
				}
				else {
					lexeme.append(c);
					i++;
				}
			}
			int positions = 1;
			if (i < n && vector.charAt(i) == ':') {
				// positions are separated by commas and end at the space before the next
				// lexeme
				while (i < n && vector.charAt(i) != ' ') {
					if (vector.charAt(i) == ',') {
						positions++;
					}
					i++;
				}
			}
			counts.merge(lexeme.toString(), positions, Integer::sum);
		}
		var tfs = new int[lexemes.size()];
		for (int k = 0; k < tfs.length; k++) {
			tfs[k] = counts.getOrDefault(lexemes.get(k), 0);
		}
		return tfs;
	}

}
