package ai.interconnects.archive.syndication;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a library as OPML 2.0, in the shape every podcast app named in
 * {@link OpmlReader} imports: one flat {@code <outline type="rss">} per show with
 * {@code text} and {@code title} (its name), {@code xmlUrl} (its original feed) and
 * {@code htmlUrl} (its page), UTF-8, {@code dateCreated} in RFC 822 as the specification
 * asks. Audiobookshelf reads only {@code type="rss"} outlines, Pocket Casts and
 * AntennaPod any outline with {@code xmlUrl}; Apple Podcasts and Overcast want
 * {@code text}. Characters XML 1.0 cannot carry are left out of names, so the file is
 * always well-formed.
 */
final class OpmlWriter {

	private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

	private OpmlWriter() {
	}

	/** A show as listed: its name, its feed, its page here. */
	record Entry(String title, String feedUrl, String htmlUrl) {
	}

	/** Writes the document to {@code out} (not closed). */
	static void write(OutputStream out, String title, Instant created, List<Entry> entries) {
		try {
			var xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
			xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
			xml.writeCharacters("\n");
			xml.writeStartElement("opml");
			xml.writeAttribute("version", "2.0");
			xml.writeCharacters("\n  ");
			xml.writeStartElement("head");
			element(xml, "title", xmlText(title));
			element(xml, "dateCreated", RFC_822.format(created));
			element(xml, "docs", "http://opml.org/spec2.opml");
			xml.writeCharacters("\n  ");
			xml.writeEndElement();
			xml.writeCharacters("\n  ");
			xml.writeStartElement("body");
			for (var entry : entries) {
				var name = xmlText(entry.title());
				xml.writeCharacters("\n    ");
				xml.writeEmptyElement("outline");
				xml.writeAttribute("type", "rss");
				xml.writeAttribute("text", name);
				xml.writeAttribute("title", name);
				xml.writeAttribute("xmlUrl", xmlText(entry.feedUrl()));
				if (entry.htmlUrl() != null) {
					xml.writeAttribute("htmlUrl", xmlText(entry.htmlUrl()));
				}
			}
			xml.writeCharacters("\n  ");
			xml.writeEndElement();
			xml.writeCharacters("\n");
			xml.writeEndElement();
			xml.writeCharacters("\n");
			xml.writeEndDocument();
			xml.flush();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Could not write the OPML document", ex);
		}
	}

	private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeCharacters("\n    ");
		xml.writeStartElement(name);
		xml.writeCharacters(text);
		xml.writeEndElement();
	}

	/** The text without the characters XML 1.0 cannot hold (most C0 controls). */
	static String xmlText(String value) {
		if (value == null) {
			return "";
		}
		var out = new StringBuilder(value.length());
		value.codePoints().filter(OpmlWriter::allowedInXml).forEach(out::appendCodePoint);
		return out.toString();
	}

	private static boolean allowedInXml(int c) {
		return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
				|| (c >= 0x10000 && c <= 0x10FFFF);
	}

}
