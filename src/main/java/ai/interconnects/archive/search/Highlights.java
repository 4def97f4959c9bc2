package ai.interconnects.archive.search;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/**
 * Turns PostgreSQL's {@code ts_headline} output into safe HTML. ts_headline returns the
 * source text unescaped, so it is asked to mark matches with two private-use characters
 * (removed from the source text beforehand, see {@link #SQL_STRIP}); the whole text is
 * then HTML-escaped and only those markers become {@code <mark>} tags.
 */
final class Highlights {

	static final String START = "\uE000";

	static final String STOP = "\uE001";

	/** SQL {@code translate} arguments that remove the markers from source text. */
	static final String SQL_STRIP = "translate(%s, U&'\\E000\\E001', '  ')";

	/** ts_headline options with the markers; the caller adds the size options. */
	static final String OPTIONS = "StartSel=" + START + ", StopSel=" + STOP;

	private static final Pattern MARKED = Pattern.compile(START + "(.*?)" + STOP, Pattern.DOTALL);

	private Highlights() {
	}

	/** Escaped HTML with each marked span as {@code <mark>}. */
	static String toHtml(String headline) {
		if (headline == null) {
			return "";
		}
		return escape(headline.strip()).replace(START, "<mark>").replace(STOP, "</mark>");
	}

	/** The words ts_headline marked, as written in the text. */
	static Set<String> markedWords(String headline) {
		var words = new LinkedHashSet<String>();
		if (headline != null) {
			Matcher m = MARKED.matcher(headline);
			while (m.find()) {
				var word = m.group(1).strip();
				if (!word.isEmpty()) {
					words.add(word.toLowerCase(Locale.ROOT));
				}
			}
		}
		return words;
	}

	/** Escapes the five HTML-special characters only; the page is UTF-8. */
	static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
