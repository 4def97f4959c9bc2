package ai.interconnects.archive.syndication;

import java.util.List;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import ai.interconnects.archive.episode.AlternateEntry;

/**
 * An item's {@code <podcast:alternateEnclosure>} tags in the archive feed, written back
 * as the source feed gave them (its attributes and every source it listed), so that a
 * podcast app subscribed to the archive gets the same choice of files.
 */
final class AlternateEnclosureXml {

	private AlternateEnclosureXml() {
	}

	static void write(XMLStreamWriter xml, List<AlternateEntry> alternates) throws XMLStreamException {
		for (var alternate : alternates) {
			if (alternate.sources().isEmpty()) {
				continue;
			}
			xml.writeStartElement("podcast", "alternateEnclosure", ArchiveFeedWriter.PODCAST);
			attribute(xml, "type", alternate.type());
			attribute(xml, "length", alternate.length());
			attribute(xml, "bitrate", alternate.bitrate());
			attribute(xml, "height", alternate.height());
			attribute(xml, "lang", alternate.lang());
			attribute(xml, "title", alternate.title());
			attribute(xml, "rel", alternate.rel());
			attribute(xml, "codecs", alternate.codecs());
			if (alternate.isDefault()) {
				xml.writeAttribute("default", "true");
			}
			for (var source : alternate.sources()) {
				xml.writeEmptyElement("podcast", "source", ArchiveFeedWriter.PODCAST);
				xml.writeAttribute("uri", source.uri());
				attribute(xml, "contentType", source.contentType());
			}
			xml.writeEndElement();
		}
	}

	private static void attribute(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
		if (value != null) {
			xml.writeAttribute(name, String.valueOf(value));
		}
	}

}
