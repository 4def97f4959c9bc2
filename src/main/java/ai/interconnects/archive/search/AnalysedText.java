package ai.interconnects.archive.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A text as written beside the same text as the index reads it
 * ({@code archive_search_text}: accents folded, a {@code ;} between the terms of a name,
 * see {@link QueryAnalysis}), so that matches found in the analysed text are marked where
 * they stand in the text as written: {@code ts_headline} and the word marks work on the
 * analysed text, the reader sees "GPT-5.4" and "Tülu" with their marks.
 * <p>
 * The two texts differ only where the analysis changed them: an inserted {@code ;}, a
 * hyphen (dash, underscore, slash) turned into {@code ;}, a folded letter (one or more
 * letters for one, a dropped combining mark). {@link #offsets()} walks them side by side;
 * a difference it cannot explain moves both on by one character, so a text the rules do
 * not know keeps its marks near their words and never fails.
 *
 * @param text the text as written (the highlighter's marker characters removed)
 * @param analysed {@code archive_search_text(text)}
 */
record AnalysedText(String text, String analysed) {

	/** The SQL for {@link #analysed} of a text expression. */
	static final String SQL = "archive_search_text(%s)";

	/**
	 * What ts_headline reads to choose an excerpt: the analysed text without {@code <}
	 * and {@code &}, which would start tags and entities that ts_headline drops from an
	 * excerpt (one character each, so offsets stay those of {@link #analysed}).
	 */
	static final String SQL_FOR_HEADLINE = "translate(" + SQL + ", '<&', '  ')";

	private static final String BREAKS = "-_/\u2010\u2011\u2012\u2013\u2014\u2015\u2212";

	/** The letters NFKD leaves alone that the SQL fold still turns into ASCII. */
	private static final Map<Character, String> LETTERS = Map.ofEntries(Map.entry('\u00D8', "O"),
			Map.entry('\u00F8', "o"), Map.entry('\u0141', "L"), Map.entry('\u0142', "l"), Map.entry('\u0110', "D"),
			Map.entry('\u0111', "d"), Map.entry('\u0126', "H"), Map.entry('\u0127', "h"), Map.entry('\u0131', "i"),
			Map.entry('\u0166', "T"), Map.entry('\u0167', "t"), Map.entry('\u00DF', "ss"), Map.entry('\u00E6', "ae"),
			Map.entry('\u00C6', "AE"), Map.entry('\u0153', "oe"), Map.entry('\u0152', "OE"), Map.entry('\u00FE', "th"));

	private static final Pattern COMBINING = Pattern.compile("[\u0300-\u036f]+");

	/**
	 * The whole text as escaped HTML, every occurrence of {@code words} (as ts_headline
	 * marked them in the analysed text, lower case) marked: in a phrase query each word
	 * is marked even where it stands outside the phrase.
	 */
	String markAll(Set<String> words) {
		var spans = new ArrayList<int[]>();
		if (!words.isEmpty()) {
			var alternatives = words.stream()
				.sorted((a, b) -> b.length() - a.length())
				.map(Pattern::quote)
				.collect(Collectors.joining("|"));
			var m = Pattern
				.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])",
						Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
				.matcher(this.analysed);
			while (m.find()) {
				spans.add(new int[] { m.start(), m.end() });
			}
		}
		return html(0, this.analysed.length(), spans, UnaryOperator.identity());
	}

	/**
	 * The excerpt ts_headline chose (from {@link #SQL_FOR_HEADLINE}, with
	 * {@link Highlights} markers) as escaped HTML of the text as written; ts_headline's
	 * own text if it cannot be found in the analysed text.
	 * @param decode applied to the written text before it is escaped (show notes text
	 * still holds the entities of its HTML)
	 */
	String excerpt(String headline, UnaryOperator<String> decode) {
		if (headline == null) {
			return "";
		}
		var plain = new StringBuilder();
		var spans = new ArrayList<int[]>();
		int open = -1;
		for (int i = 0; i < headline.length(); i++) {
			var c = headline.substring(i, i + 1);
			if (c.equals(Highlights.START)) {
				open = plain.length();
			}
			else if (c.equals(Highlights.STOP) && open >= 0) {
				spans.add(new int[] { open, plain.length() });
				open = -1;
			}
			else {
				plain.append(c);
			}
		}
		var trimmed = plain.toString().strip();
		int at = this.analysed.replace('<', ' ').replace('&', ' ').indexOf(trimmed);
		if (at < 0 || trimmed.isEmpty()) {
			return Highlights.toHtml(decode.apply(headline));
		}
		int shift = at - plain.indexOf(trimmed);
		var shifted = spans.stream().map((s) -> new int[] { s[0] + shift, s[1] + shift }).toList();
		var whole = toSentenceEdges(at, at + trimmed.length());
		return html(whole[0], whole[1], shifted, decode);
	}

	/** Words an excerpt may grow by on each side to reach a sentence's edge. */
	static final int SENTENCE_REACH = 15;

	/**
	 * ts_headline cuts wherever its word count runs out; a reader wants sentences. The
	 * excerpt [from, to) of the analysed text grows back to the start of its first
	 * sentence and on to the end of its last, each side only when that adds at most
	 * {@value #SENTENCE_REACH} words (otherwise that side keeps its cut, and its
	 * ellipsis).
	 */
	int[] toSentenceEdges(int from, int to) {
		var a = this.analysed;
		int start = from;
		while (start > 0 && !(Character.isWhitespace(a.charAt(start - 1)) && endsSentence(a, start - 2))) {
			start--;
		}
		int end = to;
		while (end < a.length() && !endsSentence(a, end - 1)) {
			end++;
		}
		return new int[] { (words(a, start, from) <= SENTENCE_REACH) ? start : from,
				(words(a, to, end) <= SENTENCE_REACH) ? end : to };
	}

	/**
	 * Whether the character at {@code i} ends a sentence: a stop followed by a space or
	 * the end.
	 */
	private static boolean endsSentence(String text, int i) {
		if (i < 0 || i >= text.length()) {
			return i < 0;
		}
		int stop = i;
		// a closing quote or bracket after the stop
		while (stop > 0 && "\"”’)]".indexOf(text.charAt(stop)) >= 0) {
			stop--;
		}
		return ".?!…".indexOf(text.charAt(stop)) >= 0
				&& (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)));
	}

	private static int words(String text, int from, int to) {
		var part = text.substring(Math.max(0, Math.min(from, to)), Math.min(text.length(), Math.max(from, to))).strip();
		return part.isEmpty() ? 0 : part.split("\\s+").length;
	}

	/**
	 * Escaped HTML of the written text under analysed offsets [from, to), spans marked.
	 */
	private String html(int from, int to, List<int[]> spans, UnaryOperator<String> decode) {
		var offsets = offsets();
		var out = new StringBuilder(this.text.length() + 32);
		int cursor = offsets[from];
		for (var span : spans) {
			int start = Math.max(offsets[Math.max(span[0], from)], cursor);
			int end = Math.max(offsets[Math.min(span[1], to)], start);
			if (end == start) {
				continue;
			}
			out.append(Highlights.escape(decode.apply(this.text.substring(cursor, start))))
				.append("<mark>")
				.append(Highlights.escape(decode.apply(this.text.substring(start, end))))
				.append("</mark>");
			cursor = end;
		}
		out.append(Highlights.escape(decode.apply(this.text.substring(cursor, Math.max(cursor, offsets[to])))));
		return out.toString();
	}

	/** For each offset into {@link #analysed} (and its end), the offset into the text. */
	int[] offsets() {
		var a = this.analysed;
		var t = this.text;
		var offsets = new int[a.length() + 1];
		int i = 0;
		int j = 0;
		while (j < a.length()) {
			offsets[j] = i;
			if (i < t.length() && t.charAt(i) == a.charAt(j)) {
				i++;
				j++;
			}
			else if (a.charAt(j) == ';') {
				// a break: in place of a hyphen, or inserted between letters and digits
				if (i < t.length() && BREAKS.indexOf(t.charAt(i)) >= 0) {
					i++;
				}
				j++;
			}
			else {
				var folded = (i < t.length()) ? fold(t.charAt(i)) : null;
				if (folded != null && folded.isEmpty()) {
					i++;
					continue;
				}
				int length = (folded != null && a.startsWith(folded, j)) ? folded.length() : 1;
				for (int k = 1; k < length; k++) {
					offsets[j + k] = i;
				}
				j += length;
				i = Math.min(t.length(), i + 1);
			}
		}
		offsets[a.length()] = t.length();
		return offsets;
	}

	private static String fold(char c) {
		var letter = LETTERS.get(c);
		return (letter != null) ? letter
				: COMBINING.matcher(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKD)).replaceAll("");
	}

}
