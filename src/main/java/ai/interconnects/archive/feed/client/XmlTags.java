package ai.interconnects.archive.feed.client;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The tags of XML text that does not parse, found without parsing it: enough to tell
 * which elements a truncated file left open, where the channel's own elements are, and
 * which namespace prefixes it uses. Comments, CDATA sections, processing instructions and
 * declarations are skipped; a {@code >} inside a quoted attribute value does not end a
 * tag; the scan stops at a tag the text ends inside.
 */
final class XmlTags {

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][\\w.:-]*");

	/** One start, end or empty-element tag: its name and where it is in the text. */
	record Tag(String name, boolean end, boolean empty, int from, int to, String attributes) {

		String prefix() {
			int colon = this.name.indexOf(':');
			return (colon > 0) ? this.name.substring(0, colon) : null;
		}

	}

	/** An element whose start tag is at the depth asked for, and where it ends. */
	record Span(String name, int from, int to) {
	}

	private XmlTags() {
	}

	static List<Tag> scan(String text) {
		var tags = new ArrayList<Tag>();
		int at = 0;
		while (true) {
			int open = text.indexOf('<', at);
			if (open < 0 || open + 1 >= text.length()) {
				return tags;
			}
			int skip = skipped(text, open);
			if (skip != 0) {
				if (skip < 0) {
					return tags;
				}
				at = skip;
				continue;
			}
			int close = tagEnd(text, open + 1);
			if (close == -1) {
				return tags;
			}
			if (close < 0) {
				// a stray '<' in text: not a tag
				at = open + 1;
				continue;
			}
			var inner = text.substring(open + 1, close);
			boolean end = inner.startsWith("/");
			boolean empty = !end && inner.endsWith("/");
			var body = inner.substring(end ? 1 : 0, empty ? inner.length() - 1 : inner.length()).strip();
			var name = NAME.matcher(body);
			if (name.lookingAt()) {
				tags.add(new Tag(name.group(), end, empty, open, close + 1, body.substring(name.end())));
				at = close + 1;
			}
			else {
				// a stray '<' in text: not a tag
				at = open + 1;
			}
		}
	}

	/**
	 * The names of the elements still open at the end of the text, outermost first. An
	 * end tag closes the innermost open element of its name and those inside it (an
	 * unclosed {@code <b>} in a description does not shift everything after it); an end
	 * tag that matches nothing open is ignored.
	 */
	static List<String> open(String text) {
		var stack = new ArrayList<String>();
		for (var tag : scan(text)) {
			if (!tag.end() && !tag.empty()) {
				stack.add(tag.name());
			}
			else if (tag.end()) {
				int match = stack.lastIndexOf(tag.name());
				if (match >= 0) {
					stack.subList(match, stack.size()).clear();
				}
			}
		}
		return stack;
	}

	/** The end tags that close {@code open}, innermost first. */
	static String closing(List<String> open) {
		var out = new StringBuilder();
		for (int i = open.size() - 1; i >= 0; i--) {
			out.append("</").append(open.get(i)).append('>');
		}
		return out.toString();
	}

	/**
	 * The elements that start at {@code depth} (0 is the root) and end within the text,
	 * in order.
	 */
	static List<Span> children(String text, int depth) {
		var spans = new ArrayList<Span>();
		var stack = new ArrayList<String>();
		int start = -1;
		for (var tag : scan(text)) {
			if (!tag.end()) {
				if (stack.size() == depth) {
					start = tag.from();
					if (tag.empty()) {
						spans.add(new Span(tag.name(), start, tag.to()));
					}
				}
				if (!tag.empty()) {
					stack.add(tag.name());
				}
			}
			else {
				int match = stack.lastIndexOf(tag.name());
				if (match >= 0) {
					stack.subList(match, stack.size()).clear();
					if (match == depth && start >= 0) {
						spans.add(new Span(tag.name(), start, tag.to()));
						start = -1;
					}
				}
			}
		}
		return spans;
	}

	/**
	 * How far a comment, CDATA section, processing instruction or declaration at
	 * {@code open} reaches; 0 when none starts there, -1 when the text ends inside it.
	 */
	private static int skipped(String text, int open) {
		for (var pair : new String[][] { { "<!--", "-->" }, { "<![CDATA[", "]]>" }, { "<?", "?>" }, { "<!", ">" } }) {
			if (text.startsWith(pair[0], open)) {
				int end = text.indexOf(pair[1], open + pair[0].length());
				return (end < 0) ? -1 : end + pair[1].length();
			}
		}
		return 0;
	}

	/** Where the tag ends; -1 when the text ends first, -2 when it was no tag. */
	private static int tagEnd(String text, int from) {
		char quote = 0;
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quote != 0) {
				if (c == quote) {
					quote = 0;
				}
			}
			else if (c == '"' || c == '\'') {
				quote = c;
			}
			else if (c == '>') {
				return i;
			}
			else if (c == '<') {
				// a new tag starts before this one ended: this was no tag
				return -2;
			}
		}
		return -1;
	}

}
