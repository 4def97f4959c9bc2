package ai.interconnects.archive.transcript;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Entities;

/**
 * Descriptions written as plain text (no markup at all): blank lines separate paragraphs,
 * single line breaks stay line breaks, and web addresses become links. The result still
 * goes through the notes sanitizer.
 */
final class PlainText {

	/**
	 * A formatting tag or an entity: the text is already HTML. Anything else that looks
	 * like a tag ({@code <script>} in a plain-text description) is text and gets escaped.
	 */
	private static final Pattern MARKUP = Pattern.compile(
			"(?i)</?(?:p|br|a|div|span|ul|ol|li|strong|em|b|i|u|h[1-6]|img|blockquote|table|figure|hr|code|pre)\\b[^>]*>"
					+ "|&(?:#\\d+|#x[0-9a-fA-F]+|[a-zA-Z]{2,8});");

	/**
	 * A line naming a section: a paragraph of its own, so the parser sees the heading.
	 */
	private static final Pattern HEADING = Pattern
		.compile("(?i)(?:chapters|timestamps|chapter markers|transcript)\\s*[:：]?");

	private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");

	private PlainText() {
	}

	static boolean isPlain(String description) {
		return !MARKUP.matcher(description).find();
	}

	static String toHtml(String text) {
		var html = new StringBuilder();
		for (var paragraph : text.replace("\r\n", "\n").replace('\r', '\n').split("\n\\s*\n")) {
			if (paragraph.isBlank()) {
				continue;
			}
			html.append("<p>");
			boolean lineStart = true;
			for (var line : paragraph.strip().split("\n")) {
				line = line.strip();
				if (HEADING.matcher(line).matches()) {
					html.append(lineStart ? "" : "</p>\n<p>").append(Entities.escape(line)).append("</p>\n<p>");
					lineStart = true;
					continue;
				}
				html.append(lineStart ? "" : "<br>").append(linked(line));
				lineStart = false;
			}
			html.append("</p>\n");
		}
		return html.toString().replace("<p></p>\n", "");
	}

	private static String linked(String line) {
		var out = new StringBuilder();
		Matcher matcher = URL.matcher(line);
		int at = 0;
		while (matcher.find()) {
			var url = matcher.group();
			// trailing punctuation ends the sentence, not the address
			var trimmed = url.replaceAll("[.,;:!?)\\]'’”]+$", "");
			out.append(Entities.escape(line.substring(at, matcher.start())));
			var escaped = Entities.escape(trimmed);
			out.append("<a href=\"").append(escaped).append("\">").append(escaped).append("</a>");
			at = matcher.start() + trimmed.length();
		}
		out.append(Entities.escape(line.substring(at)));
		return out.toString();
	}

}
