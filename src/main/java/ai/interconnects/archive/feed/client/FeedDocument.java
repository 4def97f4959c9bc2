package ai.interconnects.archive.feed.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.impl.XmlFixerReader;
import com.rometools.rome.io.XmlReader;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;

/**
 * A feed read as an XML document and then by Rome, keeping the document so that what Rome
 * does not map (Podcasting 2.0 tags, raw dates and durations) can be read from each
 * item's element.
 * <p>
 * The document is built by Rome's own XML reader, which refuses DOCTYPE declarations: no
 * external entities (XXE), no entity expansion. When the XML is not well-formed the feed
 * is salvaged ({@link FeedSalvage}): an undeclared entity such as {@code &gtgt;} is kept
 * as text, an undeclared namespace prefix is declared, a file cut off is closed, and
 * every item that is still broken is reported with the parser's message and its line in
 * the file.
 */
final class FeedDocument {

	private static final Pattern LEADING = Pattern.compile("\\A(?:\\s|<!--.*?-->)*", Pattern.DOTALL);

	/**
	 * The feed as Rome reads it, the elements of its items in the same order as
	 * {@code feed.getEntries()} with what was repaired in each, what was repaired outside
	 * the items, and the items that could not be read at all.
	 */
	record Read(SyndFeed feed, Element channel, List<Element> itemElements, List<List<String>> itemWarnings,
			List<String> warnings, List<ParsedFeed.ItemError> unreadable) {

		List<String> warningsOf(int item) {
			return (item < this.itemWarnings.size()) ? this.itemWarnings.get(item) : List.of();
		}

	}

	/** Where a text stops being well-formed: a line of the text, and why. */
	record SyntaxError(int line, String message) {
	}

	/** Exposes Rome's hardened XML reader (DOCTYPEs refused, entities never expanded). */
	private static final class SecureInput extends WireFeedInput {

		Document document(Reader reader) throws JDOMException, IOException {
			return createSAXBuilder().build(reader);
		}

	}

	private FeedDocument() {
	}

	static Read read(byte[] body, String contentType) throws FeedException {
		String raw;
		String xml;
		try (var reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
			raw = readAll(reader);
			// Rome's fixer (HTML entities as character references, leading comments
			// dropped), once, so that salvaging works on the text that is parsed
			xml = readAll(new XmlFixerReader(new StringReader(raw)));
		}
		catch (IOException | RuntimeException ex) {
			throw new FeedException(FeedException.Kind.NOT_A_FEED,
					"The feed is not valid RSS/XML: " + FeedParser.rootMessage(ex), ex);
		}
		Document document;
		List<List<String>> itemWarnings = List.of();
		List<String> warnings = List.of();
		List<ParsedFeed.ItemError> unreadable = List.of();
		try {
			document = parse(xml);
		}
		catch (JDOMException | IOException | RuntimeException ex) {
			var matcher = LEADING.matcher(raw);
			int shift = matcher.lookingAt() ? (int) matcher.group().chars().filter((c) -> c == '\n').count() : 0;
			var salvaged = new FeedSalvage(xml, shift, FeedDocument::parses).salvage();
			if (salvaged == null) {
				var error = syntaxError(xml);
				var why = (error.line() > 0) ? " at line " + (error.line() + shift) + ": " + error.message()
						: ": " + FeedParser.rootMessage(ex);
				throw new FeedException(FeedException.Kind.NOT_A_FEED, "The feed is not valid RSS/XML" + why, ex);
			}
			document = parseSalvaged(salvaged.xml());
			itemWarnings = salvaged.itemWarnings();
			warnings = salvaged.warnings();
			unreadable = salvaged.unreadable();
		}
		SyndFeed feed;
		try {
			var input = new SyndFeedInput();
			input.setPreserveWireFeed(true);
			feed = input.build(document);
		}
		catch (com.rometools.rome.io.FeedException | RuntimeException ex) {
			throw new FeedException(FeedException.Kind.NOT_A_FEED,
					"The feed is not valid RSS/XML: " + FeedParser.rootMessage(ex), ex);
		}
		var elements = itemElements(document.getRootElement());
		boolean aligned = elements.size() == feed.getEntries().size();
		return new Read(feed, channel(document.getRootElement()), aligned ? elements : List.of(),
				aligned ? itemWarnings : List.of(), warnings, unreadable);
	}

	private static Document parse(String xml) throws JDOMException, IOException {
		return new SecureInput().document(new StringReader(xml));
	}

	private static Document parseSalvaged(String xml) throws FeedException {
		try {
			return parse(xml);
		}
		catch (JDOMException | IOException | RuntimeException ex) {
			throw new FeedException(FeedException.Kind.NOT_A_FEED,
					"The feed is not valid RSS/XML: " + FeedParser.rootMessage(ex), ex);
		}
	}

	private static boolean parses(String xml) {
		try {
			parse(xml);
			return true;
		}
		catch (JDOMException | IOException | RuntimeException ex) {
			return false;
		}
	}

	/** The first well-formedness error of a text, or line 0 and a message. */
	static SyntaxError syntaxError(String xml) {
		try {
			parse(xml);
			return new SyntaxError(0, "no error");
		}
		catch (JDOMParseException ex) {
			var cause = (ex.getCause() != null && ex.getCause().getMessage() != null) ? ex.getCause().getMessage()
					: FeedParser.rootMessage(ex);
			return new SyntaxError(ex.getLineNumber(), cause);
		}
		catch (JDOMException | IOException | RuntimeException ex) {
			return new SyntaxError(0, FeedParser.rootMessage(ex));
		}
	}

	/** The channel's element: Atom's feed, else the RSS channel (any version). */
	private static Element channel(Element root) {
		if (root.getName().equals("feed")) {
			return root;
		}
		return root.getChildren()
			.stream()
			.filter((child) -> child.getName().equals("channel"))
			.findFirst()
			.orElse(root);
	}

	/**
	 * The item elements in the order Rome lists the entries: RSS 0.9x–2.0, RSS 1.0, Atom.
	 */
	private static List<Element> itemElements(Element root) {
		var result = new ArrayList<Element>();
		if (root.getName().equals("feed")) {
			for (var child : root.getChildren()) {
				if (child.getName().equals("entry")) {
					result.add(child);
				}
			}
			return result;
		}
		for (var child : root.getChildren()) {
			if (child.getName().equals("channel")) {
				for (var item : child.getChildren()) {
					if (item.getName().equals("item")) {
						result.add(item);
					}
				}
			}
			else if (child.getName().equals("item")) {
				result.add(child);
			}
		}
		return result;
	}

	private static String readAll(Reader reader) throws IOException {
		var out = new StringBuilder();
		var buffer = new char[8192];
		for (int n; (n = reader.read(buffer)) != -1;) {
			out.append(buffer, 0, n);
		}
		return out.toString();
	}

}
