package ai.interconnects.archive.feed.client;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.parser.Parser;

/**
 * What can be kept of a feed that is not well-formed XML: the channel and every item that
 * is well-formed on its own, each undeclared entity kept as literal text. Outside the
 * items, a file cut off before its end gets its open elements closed (the item it ends
 * inside is reported), an undeclared entity in the channel is kept as text, and a channel
 * element that is still broken is left out; only a feed whose root and channel cannot be
 * read at all is refused. Every line number given is the line in the file. (The feed
 * client logs nothing: the poll that reads the feed logs and records what is reported
 * here.)
 */
final class FeedSalvage {

	private static final Pattern TITLE = Pattern.compile("<title[^>]*>(?:<!\\[CDATA\\[)?(.*?)(?:\\]\\]>)?</title\\s*>",
			Pattern.DOTALL);

	private static final Pattern GUID = Pattern.compile("<(?:guid|id)[^>]*>(.*?)</(?:guid|id)\\s*>", Pattern.DOTALL);

	private static final int MAX_SALVAGE_ITEMS = 5000;

	/**
	 * The readable document, its items' warnings (in document order), what was repaired
	 * outside the items, and the items that had to be left out.
	 */
	record Result(String xml, List<List<String>> itemWarnings, List<String> warnings,
			List<ParsedFeed.ItemError> unreadable) {
	}

	private final String xml;

	private final XmlRepairs.Lines lines;

	private final Predicate<String> parses;

	private final List<String> warnings = new ArrayList<>();

	private final List<ParsedFeed.ItemError> unreadable = new ArrayList<>();

	/**
	 * @param xml the feed's text as the XML reader gets it
	 * @param shift the lines Rome's reader dropped before the text (see
	 * {@link XmlRepairs.Lines})
	 * @param parses whether a text is a well-formed document (the same hardened reader)
	 */
	FeedSalvage(String xml, int shift, Predicate<String> parses) {
		var declared = XmlRepairs.declareUsedPrefixes(xml);
		this.xml = declared.text();
		this.lines = new XmlRepairs.Lines(this.xml, shift);
		this.parses = parses;
		declared.notes().forEach(this::warn);
	}

	/**
	 * The feed with every readable part, or {@code null} when the channel cannot be read.
	 */
	Result salvage() {
		if (!this.warnings.isEmpty() && this.parses.test(this.xml)) {
			return new Result(this.xml, List.of(), List.copyOf(this.warnings), List.of());
		}
		var tag = this.xml.contains("<entry") && !this.xml.contains("<item") ? "entry" : "item";
		Matcher items = Pattern.compile("<" + tag + "(?:\\s[^>]*)?>.*?</" + tag + "\\s*>", Pattern.DOTALL)
			.matcher(this.xml);
		var chunks = new ArrayList<int[]>();
		while (items.find() && chunks.size() < MAX_SALVAGE_ITEMS) {
			chunks.add(new int[] { items.start(), items.end() });
		}
		if (chunks.isEmpty()) {
			return null;
		}
		var prefix = this.xml.substring(0, chunks.get(0)[0]);
		var suffix = this.xml.substring(chunks.get(chunks.size() - 1)[1]);
		var skeleton = skeleton(prefix, suffix, tag);
		if (skeleton == null) {
			return null;
		}
		prefix = skeleton[0];
		suffix = skeleton[1];
		var kept = new StringBuilder(prefix);
		var itemWarnings = new ArrayList<List<String>>();
		for (var chunk : chunks) {
			var item = this.xml.substring(chunk[0], chunk[1]);
			if (this.parses.test(prefix + item + suffix)) {
				kept.append(item).append('\n');
				itemWarnings.add(List.of());
				continue;
			}
			var escaped = XmlRepairs.escapeUndeclaredEntities(item, this.lines, chunk[0]);
			if (escaped.changed() && this.parses.test(prefix + escaped.text() + suffix)) {
				kept.append(escaped.text()).append('\n');
				itemWarnings.add(escaped.notes());
				this.warnings.add("Item '" + title(item) + "': " + String.join("; ", escaped.notes()));
				continue;
			}
			var error = FeedDocument.syntaxError(prefix + escaped.text() + suffix);
			int errorLine = error.line() - lineCount(prefix);
			int first = this.lines.lineAt(chunk[0]);
			int last = this.lines.lineAt(chunk[1]);
			var where = (errorLine >= 1 && first + errorLine - 1 <= last) ? "at line " + (first + errorLine - 1)
					: "in the item at lines " + first + "–" + last;
			fail(item, "Not valid XML " + where + ", item skipped: " + error.message());
		}
		kept.append(suffix);
		if (!this.parses.test(kept.toString())) {
			return null;
		}
		return new Result(kept.toString(), itemWarnings, List.copyOf(this.warnings), List.copyOf(this.unreadable));
	}

	/**
	 * The text before and after the items, repaired until it is a readable document on
	 * its own; {@code null} when it cannot be.
	 */
	private String[] skeleton(String prefix, String suffix, String tag) {
		if (this.parses.test(prefix + suffix)) {
			return new String[] { prefix, suffix };
		}
		if (!XmlTags.open(prefix + suffix).isEmpty()) {
			// the file ends before its root element does: it was cut off
			int end = this.lines.lineAt(this.xml.length());
			if (suffix.contains("<" + tag)) {
				fail(suffix, "The file ends inside this item (it is cut off at line " + end + "), item skipped");
			}
			warn("The file is cut off at line " + end + ", before its end; the complete items before that are kept");
			suffix = "\n" + XmlTags.closing(XmlTags.open(prefix));
			if (this.parses.test(prefix + suffix)) {
				return new String[] { prefix, suffix };
			}
		}
		var escaped = XmlRepairs.escapeUndeclaredEntities(prefix, this.lines, 0);
		if (escaped.changed()) {
			escaped.notes().forEach((note) -> warn("In the channel, " + note));
			prefix = escaped.text();
			if (this.parses.test(prefix + suffix)) {
				return new String[] { prefix, suffix };
			}
		}
		prefix = withoutBrokenElements(prefix, suffix);
		return (prefix != null) ? new String[] { prefix, suffix } : null;
	}

	/**
	 * The channel without the elements of its own that are not well-formed, each left out
	 * with a warning; {@code null} when even the bare channel is not.
	 */
	private String withoutBrokenElements(String prefix, String suffix) {
		int depth = XmlTags.open(prefix).size();
		var children = XmlTags.children(prefix, depth);
		int headEnd = children.isEmpty() ? prefix.length() : children.get(0).from();
		var head = prefix.substring(0, headEnd);
		if (!this.parses.test(head + suffix)) {
			return null;
		}
		var kept = new StringBuilder(head);
		for (var child : children) {
			var element = prefix.substring(child.from(), child.to());
			if (this.parses.test(head + element + suffix)) {
				kept.append(element).append('\n');
			}
			else {
				warn("The channel's <" + child.name() + "> at line " + this.lines.lineAt(child.from())
						+ " is not valid XML and was left out: "
						+ FeedDocument.syntaxError(head + element + suffix).message());
			}
		}
		// what is not in one of the channel's elements (a broken tag) goes with them
		return this.parses.test(kept + suffix) ? kept.toString() : null;
	}

	private void warn(String warning) {
		this.warnings.add(warning);
	}

	private void fail(String item, String message) {
		this.unreadable.add(new ParsedFeed.ItemError(first(GUID, item), title(item), message));
	}

	private static int lineCount(String text) {
		int count = 0;
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				count++;
			}
		}
		return count;
	}

	private static String title(String item) {
		return first(TITLE, item);
	}

	/** The first match, as text: entities and character references resolved. */
	private static String first(Pattern pattern, String text) {
		var matcher = pattern.matcher(text);
		if (!matcher.find()) {
			return null;
		}
		var value = matcher.group(1).strip();
		value = value.contains("<![CDATA[") ? value.replaceAll("<!\\[CDATA\\[|]]>", "").strip()
				: Parser.unescapeEntities(value, false).strip();
		return value.isEmpty() ? null : (value.length() > 300) ? value.substring(0, 300) : value;
	}

}
