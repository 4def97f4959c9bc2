package ai.interconnects.archive.feed.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The mistakes real feeds make that can be undone without guessing at content, each
 * reported: an entity no DTD declares ({@code &gtgt;}) is kept as the literal text it is
 * in the file, and a namespace prefix used without its declaration ({@code <atom:link>}
 * in a channel that never declares {@code xmlns:atom}) is declared on the root element,
 * as the namespace that prefix always names, or as an unknown namespace whose elements
 * nothing reads.
 */
final class XmlRepairs {

	/** The five entities XML itself declares; any other name is undeclared here. */
	private static final Set<String> XML_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");

	private static final Pattern ENTITY = Pattern.compile("&([A-Za-z_][\\w.-]*);");

	private static final Pattern DECLARATION = Pattern.compile("xmlns:([A-Za-z_][\\w.-]*)\\s*=");

	private static final Pattern ATTRIBUTE_PREFIX = Pattern
		.compile("(?:^|\\s)([A-Za-z_][\\w.-]*):[A-Za-z_][\\w.-]*\\s*=");

	/** The namespaces podcast feeds use, by the prefix they always have. */
	static final Map<String, String> KNOWN_PREFIXES = Map.ofEntries(Map.entry("atom", "http://www.w3.org/2005/Atom"),
			Map.entry("itunes", ItemMarkup.ITUNES), Map.entry("podcast", "https://podcastindex.org/namespace/1.0"),
			Map.entry("content", ItemMarkup.CONTENT), Map.entry("media", ItemMarkup.MEDIA),
			Map.entry("dc", "http://purl.org/dc/elements/1.1/"), Map.entry("psc", ItemMarkup.PODLOVE_CHAPTERS),
			Map.entry("googleplay", "http://www.google.com/schemas/play-podcasts/1.0"),
			Map.entry("sy", "http://purl.org/rss/1.0/modules/syndication/"),
			Map.entry("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
			Map.entry("fh", "http://purl.org/syndication/history/1.0"),
			Map.entry("spotify", "http://www.spotify.com/ns/rss"));

	/** Text after a repair, and what was repaired, for the operator. */
	record Repaired(String text, List<String> notes) {

		boolean changed() {
			return !this.notes.isEmpty();
		}

	}

	private XmlRepairs() {
	}

	/**
	 * Writes each undeclared entity's {@code &} as {@code &amp;}, outside CDATA sections
	 * and comments (where it is already text), so that the element's text is exactly what
	 * the file holds.
	 * @param lines the line numbers of the file, with the offset of {@code text} in it
	 */
	static Repaired escapeUndeclaredEntities(String text, Lines lines, int offset) {
		var out = new StringBuilder(text.length() + 16);
		var notes = new ArrayList<String>();
		int at = 0;
		for (var span : markupSpans(text)) {
			escape(text, at, span[0], out, notes, lines, offset);
			out.append(text, span[0], span[1]);
			at = span[1];
		}
		escape(text, at, text.length(), out, notes, lines, offset);
		return new Repaired(notes.isEmpty() ? text : out.toString(), List.copyOf(notes));
	}

	private static void escape(String text, int from, int to, StringBuilder out, List<String> notes, Lines lines,
			int offset) {
		var matcher = ENTITY.matcher(text).region(from, to);
		int at = from;
		while (matcher.find()) {
			if (XML_ENTITIES.contains(matcher.group(1))) {
				continue;
			}
			out.append(text, at, matcher.start()).append("&amp;").append(matcher.group(1)).append(';');
			at = matcher.end();
			notes.add("the undeclared entity &" + matcher.group(1) + "; at line "
					+ lines.lineAt(offset + matcher.start()) + " was kept as text");
		}
		out.append(text, at, to);
	}

	/** CDATA sections and comments: where an {@code &} is not markup. */
	private static List<int[]> markupSpans(String text) {
		var spans = new ArrayList<int[]>();
		int at = 0;
		while (true) {
			int cdata = text.indexOf("<![CDATA[", at);
			int comment = text.indexOf("<!--", at);
			int start = (cdata < 0) ? comment : (comment < 0) ? cdata : Math.min(cdata, comment);
			if (start < 0) {
				return spans;
			}
			var end = (start == cdata) ? "]]>" : "-->";
			int stop = text.indexOf(end, start + 4);
			stop = (stop < 0) ? text.length() : stop + end.length();
			spans.add(new int[] { start, stop });
			at = stop;
		}
	}

	/**
	 * Declares on the root element every namespace prefix the document uses but never
	 * declares.
	 */
	static Repaired declareUsedPrefixes(String text) {
		var tags = XmlTags.scan(text);
		var root = tags.stream().filter((tag) -> !tag.end()).findFirst().orElse(null);
		if (root == null) {
			return new Repaired(text, List.of());
		}
		var declared = new java.util.HashSet<String>(Set.of("xml", "xmlns"));
		var used = new LinkedHashMap<String, Boolean>();
		for (var tag : tags) {
			var declarations = DECLARATION.matcher(tag.attributes());
			while (declarations.find()) {
				declared.add(declarations.group(1));
			}
			if (tag.prefix() != null) {
				used.putIfAbsent(tag.prefix(), true);
			}
			var attributes = ATTRIBUTE_PREFIX.matcher(tag.attributes());
			while (attributes.find()) {
				used.putIfAbsent(attributes.group(1), true);
			}
		}
		var declarations = new StringBuilder();
		var notes = new ArrayList<String>();
		for (var prefix : used.keySet()) {
			if (declared.contains(prefix)) {
				continue;
			}
			var known = KNOWN_PREFIXES.get(prefix);
			var uri = (known != null) ? known : "urn:x-undeclared-prefix:" + prefix;
			declarations.append(" xmlns:").append(prefix).append("=\"").append(uri).append('"');
			notes.add("The feed uses the namespace prefix '" + prefix + ":' without declaring it; "
					+ ((known != null) ? "read as " + known : "its elements were left unread"));
		}
		if (notes.isEmpty()) {
			return new Repaired(text, List.of());
		}
		int insertAt = root.to() - (root.empty() ? 2 : 1);
		return new Repaired(text.substring(0, insertAt) + declarations + text.substring(insertAt), List.copyOf(notes));
	}

	/** Line numbers of the file a text comes from. */
	static final class Lines {

		private final int[] starts;

		private final int shift;

		/**
		 * @param shift lines the text lost at its start (leading blank lines and comments
		 * Rome's reader drops)
		 */
		Lines(String text, int shift) {
			var list = new ArrayList<Integer>();
			list.add(0);
			for (int i = 0; i < text.length(); i++) {
				if (text.charAt(i) == '\n') {
					list.add(i + 1);
				}
			}
			this.starts = list.stream().mapToInt(Integer::intValue).toArray();
			this.shift = shift;
		}

		/** The line of the file (from 1) that offset {@code at} of the text is on. */
		int lineAt(int at) {
			int index = java.util.Arrays.binarySearch(this.starts, at);
			return ((index >= 0) ? index : -index - 2) + 1 + this.shift;
		}

	}

}
