package ai.interconnects.archive.feed.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.impl.XmlFixerReader;
import com.rometools.rome.io.XmlReader;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;

/**
 * A feed read as an XML document and then by Rome, keeping the document so that what Rome
 * does not map (Podcasting 2.0 tags, raw dates and durations) can be read from each
 * item's element.
 * <p>
 * The document is built by Rome's own XML reader, which refuses DOCTYPE declarations: no
 * external entities (XXE), no entity expansion. When the XML is broken (an undeclared
 * entity such as {@code &gtgt;} in one description), the feed is salvaged item by item:
 * the channel and every item that is well-formed on its own are kept, and each item that
 * is not is reported with the parser's message.
 */
final class FeedDocument {

	private static final Pattern TITLE = Pattern.compile("<title[^>]*>(?:<!\\[CDATA\\[)?(.*?)(?:\\]\\]>)?</title\\s*>",
			Pattern.DOTALL);

	private static final Pattern GUID = Pattern.compile("<(?:guid|id)[^>]*>(.*?)</(?:guid|id)\\s*>", Pattern.DOTALL);

	private static final int MAX_SALVAGE_ITEMS = 5000;

	/**
	 * The feed as Rome reads it, the elements of its items in the same order as
	 * {@code feed.getEntries()}, and the items that could not be read at all.
	 */
	record Read(SyndFeed feed, List<Element> itemElements, List<ParsedFeed.ItemError> unreadable) {
	}

	/** Exposes Rome's hardened XML reader (DOCTYPEs refused, entities never expanded). */
	private static final class SecureInput extends WireFeedInput {

		Document document(Reader reader) throws JDOMException, IOException {
			return createSAXBuilder().build(new XmlFixerReader(reader));
		}

	}

	private FeedDocument() {
	}

	static Read read(byte[] body, String contentType) throws FeedException {
		String xml;
		try (var reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
			xml = readAll(reader);
		}
		catch (IOException | RuntimeException ex) {
			throw new FeedException(FeedException.Kind.NOT_A_FEED,
					"The feed is not valid RSS/XML: " + FeedParser.rootMessage(ex), ex);
		}
		Document document;
		var unreadable = new ArrayList<ParsedFeed.ItemError>();
		try {
			document = parse(xml);
		}
		catch (JDOMException | IOException | RuntimeException ex) {
			document = salvage(xml, unreadable);
			if (document == null) {
				throw new FeedException(FeedException.Kind.NOT_A_FEED,
						"The feed is not valid RSS/XML: " + FeedParser.rootMessage(ex), ex);
			}
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
		return new Read(feed, (elements.size() == feed.getEntries().size()) ? elements : List.of(),
				List.copyOf(unreadable));
	}

	private static Document parse(String xml) throws JDOMException, IOException {
		return new SecureInput().document(new StringReader(xml));
	}

	/**
	 * Keeps the channel and each item that parses on its own; {@code null} when even the
	 * channel without its items is not well-formed (or declares a DOCTYPE).
	 */
	private static Document salvage(String xml, List<ParsedFeed.ItemError> unreadable) {
		var tag = xml.contains("<entry") && !xml.contains("<item") ? "entry" : "item";
		Matcher items = Pattern.compile("<" + tag + "(?:\\s[^>]*)?>.*?</" + tag + "\\s*>", Pattern.DOTALL).matcher(xml);
		var chunks = new ArrayList<int[]>();
		while (items.find() && chunks.size() < MAX_SALVAGE_ITEMS) {
			chunks.add(new int[] { items.start(), items.end() });
		}
		if (chunks.isEmpty()) {
			return null;
		}
		var prefix = xml.substring(0, chunks.get(0)[0]);
		var suffix = xml.substring(chunks.get(chunks.size() - 1)[1]);
		try {
			parse(prefix + suffix);
		}
		catch (JDOMException | IOException | RuntimeException ex) {
			return null;
		}
		var kept = new StringBuilder(prefix);
		for (var chunk : chunks) {
			var item = xml.substring(chunk[0], chunk[1]);
			try {
				parse(prefix + item + suffix);
				kept.append(item).append('\n');
			}
			catch (JDOMException | IOException | RuntimeException ex) {
				unreadable.add(new ParsedFeed.ItemError(first(GUID, item), first(TITLE, item),
						"Not valid XML, item skipped: " + FeedParser.rootMessage(ex)));
			}
		}
		kept.append(suffix);
		try {
			return parse(kept.toString());
		}
		catch (JDOMException | IOException | RuntimeException ex) {
			return null;
		}
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

	private static String first(Pattern pattern, String text) {
		var matcher = pattern.matcher(text);
		if (!matcher.find()) {
			return null;
		}
		var value = matcher.group(1).strip();
		return value.isEmpty() ? null : (value.length() > 300) ? value.substring(0, 300) : value;
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
