package ai.interconnects.archive.library;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the shows an OPML file lists, as podcast apps write them: Apple Podcasts, Pocket
 * Casts, AntennaPod, Overcast and Audiobookshelf (OPML 1.0, 1.1 or 2.0; outlines nested
 * in folders; {@code type="rss"} or no type; {@code xmlUrl} in any letter case;
 * {@code title}, else {@code text}, as the name; Overcast's episode and playlist outlines
 * ignored).
 * <p>
 * A file is refused whole, before any show is taken, when it is larger than the limit,
 * declares a DOCTYPE (no entity of any kind is ever expanded, so no XXE and no "billion
 * laughs"), is not well-formed XML, is not OPML, has more outlines or deeper nesting than
 * the limits, or lists more shows than one import may add. Otherwise every outline that
 * names a feed is either a show or a refusal with its reason (no address, not http(s), a
 * user name in it, the same feed as an earlier line): nothing is dropped without a word.
 * The file is read as a stream, so memory follows the number of shows, not the file.
 * <p>
 * Used by {@code archive.library.opml}, the admin OPML upload, and the tests that check
 * {@code /opml.xml} reads as those apps read it.
 */
public final class OpmlReader {

	private static final int MAX_TITLE = 200;

	private static final int MAX_LABEL = 120;

	private final OpmlLimits limits;

	public OpmlReader(OpmlLimits limits) {
		this.limits = limits;
	}

	/** Reads {@code in} to its end (it is not closed). */
	public OpmlReport read(InputStream in) throws OpmlException {
		var bounded = new BoundedInputStream(in, this.limits.maxBytes());
		XMLStreamReader xml = null;
		try {
			xml = factory().createXMLStreamReader(bounded);
			return new Pass(xml).run();
		}
		catch (XMLStreamException ex) {
			if (bounded.exceeded()) {
				throw tooLarge();
			}
			int line = (ex.getLocation() != null) ? ex.getLocation().getLineNumber() : -1;
			throw new OpmlException("not well-formed XML" + ((line > 0) ? " at line " + line : "") + ": "
					+ Texts.label(rootCause(ex), 200));
		}
		finally {
			close(xml);
		}
	}

	private OpmlException tooLarge() {
		return new OpmlException("the file is larger than " + this.limits.maxBytes() / 1024
				+ " KB, the most an OPML file may be (archive.library.max-opml-size)");
	}

	private static XMLInputFactory factory() {
		var factory = XMLInputFactory.newFactory();
		// A DOCTYPE is refused as soon as it is seen (below); these make sure nothing in
		// it is ever resolved or expanded before that.
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		return factory;
	}

	/** One reading of one file. */
	private final class Pass {

		private final XMLStreamReader xml;

		private final List<OpmlShow> shows = new ArrayList<>();

		private final List<OpmlRefusal> refused = new ArrayList<>();

		private final Map<String, OpmlShow> byFeed = new HashMap<>();

		private String title;

		private int outlines;

		private int candidates;

		Pass(XMLStreamReader xml) {
			this.xml = xml;
		}

		OpmlReport run() throws XMLStreamException, OpmlException {
			int depth = 0;
			boolean root = true;
			boolean inHead = false;
			while (this.xml.hasNext()) {
				int event = this.xml.next();
				if (event == XMLStreamConstants.DTD) {
					throw new OpmlException("the file declares a DOCTYPE; OPML needs none, and it is refused "
							+ "so that no entity is ever expanded or fetched");
				}
				if (event == XMLStreamConstants.START_ELEMENT) {
					var name = this.xml.getLocalName();
					if (root) {
						checkRoot(name);
						root = false;
					}
					else if (name.equals("head")) {
						inHead = true;
					}
					else if (inHead && name.equals("title") && this.title == null) {
						this.title = Texts.clean(this.xml.getElementText(), MAX_TITLE);
					}
					else if (name.equals("outline")) {
						depth++;
						outline(depth);
					}
				}
				else if (event == XMLStreamConstants.END_ELEMENT) {
					var name = this.xml.getLocalName();
					if (name.equals("outline")) {
						depth--;
					}
					else if (name.equals("head")) {
						inHead = false;
					}
				}
			}
			if (this.candidates > OpmlReader.this.limits.maxShows()) {
				throw new OpmlException(
						"the file lists " + this.candidates + " shows; at most " + OpmlReader.this.limits.maxShows()
								+ " are added from one file (archive.library.max-opml-shows): split it");
			}
			return new OpmlReport(this.title, this.shows, this.refused);
		}

		private void checkRoot(String name) throws OpmlException {
			if (name.equals("opml")) {
				return;
			}
			if (name.equals("rss") || name.equals("feed") || name.equals("RDF")) {
				throw new OpmlException("this is a podcast feed, not an OPML file: add it with \"Add a show\"");
			}
			throw new OpmlException("not an OPML file: its root element is <" + Texts.label(name, 40) + ">");
		}

		private void outline(int depth) throws OpmlException {
			if (++this.outlines > OpmlReader.this.limits.maxOutlines()) {
				throw new OpmlException("the file has more than " + OpmlReader.this.limits.maxOutlines()
						+ " outlines, more than any podcast app writes (archive.library.max-opml-outlines)");
			}
			if (depth > OpmlReader.this.limits.maxDepth()) {
				throw new OpmlException("outlines are nested more than " + OpmlReader.this.limits.maxDepth()
						+ " deep at line " + line() + "; podcast apps nest one or two folders");
			}
			var type = attribute("type");
			var feedUrl = attribute("xmlUrl");
			boolean episodeOrPlaylist = type != null && type.toLowerCase(Locale.ROOT).startsWith("podcast-");
			boolean rss = type != null && type.strip().equalsIgnoreCase("rss");
			if (episodeOrPlaylist || (feedUrl == null && !rss)) {
				// a folder, or what Overcast keeps beside its feeds
				return;
			}
			this.candidates++;
			var name = Texts.clean(firstNonBlank(attribute("title"), attribute("text")), MAX_TITLE);
			var label = (name != null) ? Texts.label(name, MAX_LABEL)
					: (feedUrl != null && !feedUrl.isBlank()) ? Texts.label(feedUrl, MAX_LABEL) : "untitled outline";
			var checked = FeedAddresses.check(feedUrl);
			if (!checked.ok()) {
				this.refused.add(new OpmlRefusal(line(), label, checked.refusal()));
				return;
			}
			var key = FeedAddresses.sameFeedKey(checked.url());
			var first = this.byFeed.get(key);
			if (first != null) {
				this.refused.add(new OpmlRefusal(line(), label, "the same feed as line " + first.line()
						+ ((first.title() != null) ? " (" + Texts.label(first.title(), MAX_LABEL) + ")" : "")));
				return;
			}
			var page = FeedAddresses.check(attribute("htmlUrl"));
			var show = new OpmlShow(checked.url(), name, page.ok() ? page.url() : null, line());
			this.byFeed.put(key, show);
			this.shows.add(show);
		}

		/**
		 * An attribute by name, ignoring letter case ({@code xmlUrl}, {@code xmlURL}).
		 */
		private String attribute(String name) {
			for (int i = 0; i < this.xml.getAttributeCount(); i++) {
				if (this.xml.getAttributeLocalName(i).equalsIgnoreCase(name)) {
					return this.xml.getAttributeValue(i);
				}
			}
			return null;
		}

		private int line() {
			return this.xml.getLocation().getLineNumber();
		}

	}

	private static String firstNonBlank(String first, String second) {
		return (first != null && !first.isBlank()) ? first : second;
	}

	private static String rootCause(Throwable ex) {
		var cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		var message = (cause instanceof XMLStreamException stream && stream.getNestedException() == null)
				? stream.getMessage() : cause.getMessage();
		if (message == null) {
			return cause.getClass().getSimpleName();
		}
		// the JDK's messages start with "ParseError at [row,col]:[3,5]\nMessage: "
		int at = message.indexOf("Message: ");
		return (at >= 0) ? message.substring(at + "Message: ".length()) : message;
	}

	private static void close(XMLStreamReader xml) {
		if (xml != null) {
			try {
				xml.close();
			}
			catch (XMLStreamException ex) {
				// nothing held beyond the stream, which the caller closes
			}
		}
	}

}
