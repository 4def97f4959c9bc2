package ai.interconnects.archive.syndication;

import ai.interconnects.archive.web.EpisodePaths;

import ai.interconnects.archive.episode.PersonEntry;

import ai.interconnects.archive.episode.EpisodeSummary;

import ai.interconnects.archive.show.Shows;

import java.io.ByteArrayOutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import ai.interconnects.archive.episode.AlternateEntry;

/**
 * Writes one RSS 2.0 document of the archive feed: the channel (with iTunes tags,
 * {@code podcast:guid} and the RFC 5005 links it is given) and its items, each with the
 * episode's original GUID, its enclosure, iTunes tags, {@code podcast:transcript} /
 * {@code podcast:chapters} links to the archive's files and its {@code podcast:person}s.
 */
final class ArchiveFeedWriter {

	static final String ATOM = "http://www.w3.org/2005/Atom";

	static final String ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd";

	static final String PODCAST = "https://podcastindex.org/namespace/1.0";

	static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";

	/** RFC 5005 section 4: the element that marks an archive document. */
	static final String HISTORY = "http://purl.org/syndication/history/1.0";

	private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

	private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

	private ArchiveFeedWriter() {
	}

	/** An {@code atom:link} of the channel. */
	record Link(String rel, String href) {
	}

	/**
	 * The show of an item in a library: {@code slug} puts its links under the show
	 * ({@link EpisodePaths#page(String, String)}); with a {@code title} (the library
	 * feed) the item names its show: a title prefix, {@code category} and {@code source}
	 * (its show's feed here, {@code feedUrl}).
	 */
	record ItemShow(String slug, String title, String feedUrl) {
	}

	/**
	 * @param show the show, as its feed last described it
	 * @param siteUrl the archive's home page
	 * @param links self, paging and archive links
	 * @param archive whether this is an RFC 5005 archive document ({@code fh:archive})
	 * @param items the episodes, newest first
	 * @param persons the people each episode names, by episode id
	 * @param alternates the other files of each episode's media, by episode id
	 * @param url absolute URL of a path in this archive
	 * @param showOf each item's show in a library, null with one show
	 */
	static byte[] write(Shows.Show show, String siteUrl, List<Link> links, boolean archive, List<EpisodeSummary> items,
			Map<Long, List<PersonEntry>> persons, Map<Long, List<AlternateEntry>> alternates,
			Function<String, String> url, Function<EpisodeSummary, ItemShow> showOf) {
		var bytes = new ByteArrayOutputStream(64 * 1024);
		try {
			var xml = FACTORY.createXMLStreamWriter(bytes, "UTF-8");
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeCharacters("\n");
			// a browser shows the feed as a page (how to follow it, its episodes); apps
			// ignore the instruction. Relative: XSLT only runs from the feed's own
			// origin.
			xml.writeProcessingInstruction("xml-stylesheet", "type=\"text/xsl\" href=\"/feed.xsl\"");
			xml.writeCharacters("\n");
			xml.writeStartElement("rss");
			xml.writeAttribute("version", "2.0");
			xml.writeNamespace("atom", ATOM);
			xml.writeNamespace("itunes", ITUNES);
			xml.writeNamespace("podcast", PODCAST);
			xml.writeNamespace("content", CONTENT);
			xml.writeNamespace("fh", HISTORY);
			xml.writeStartElement("channel");
			var title = (show.title() != null) ? show.title() : "Podcast archive";
			text(xml, "title", title);
			text(xml, "link", siteUrl);
			text(xml, "description", (show.description() != null) ? show.description()
					: "Every episode of " + title + ", with chapters and transcripts.");
			text(xml, "generator", "podcast-archive");
			for (var link : links) {
				xml.writeEmptyElement("atom", "link", ATOM);
				xml.writeAttribute("rel", link.rel());
				xml.writeAttribute("href", link.href());
				xml.writeAttribute("type", "application/rss+xml");
			}
			if (archive) {
				xml.writeEmptyElement("fh", "archive", HISTORY);
			}
			if (show.imageUrl() != null) {
				xml.writeStartElement("image");
				text(xml, "url", show.imageUrl());
				text(xml, "title", title);
				text(xml, "link", siteUrl);
				xml.writeEndElement();
				xml.writeEmptyElement("itunes", "image", ITUNES);
				xml.writeAttribute("href", show.imageUrl());
			}
			if (show.author() != null) {
				text(xml, "itunes", "author", ITUNES, show.author());
			}
			text(xml, "itunes", "type", ITUNES, (show.showType() != null) ? show.showType() : "episodic");
			text(xml, "podcast", "guid", PODCAST, PodcastGuid.of(show.configuredUrl()).toString());
			for (var item : items) {
				item(xml, item, showOf.apply(item), persons.getOrDefault(item.id(), List.of()), url);
				AlternateEnclosureXml.write(xml, alternates.getOrDefault(item.id(), List.of()));
				xml.writeEndElement();
			}
			xml.writeEndElement();
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Could not write the archive feed", ex);
		}
		return bytes.toByteArray();
	}

	/** Starts the item and writes what it has; the caller adds to it and ends it. */
	private static void item(XMLStreamWriter xml, EpisodeSummary item, ItemShow show, List<PersonEntry> persons,
			Function<String, String> url) throws XMLStreamException {
		var page = EpisodePaths.page((show != null) ? show.slug() : null, item.slug());
		boolean named = show != null && show.title() != null;
		xml.writeStartElement("item");
		text(xml, "title", named ? show.title() + ": " + item.title() : item.title());
		text(xml, "link", url.apply(page));
		if (named) {
			text(xml, "category", show.title());
			xml.writeStartElement("source");
			xml.writeAttribute("url", show.feedUrl());
			xml.writeCharacters(show.title());
			xml.writeEndElement();
		}
		xml.writeStartElement("guid");
		// The source's own GUID (or the archive's fallback key when it had none), never
		// a URL of this archive: apps that know the episode from the original feed match.
		xml.writeAttribute("isPermaLink", "false");
		xml.writeCharacters(item.guid());
		xml.writeEndElement();
		if (item.publishedAt() != null) {
			text(xml, "pubDate", RFC_822.format(item.publishedAt()));
		}
		var description = (item.summary() != null) ? item.summary() : item.title();
		text(xml, "description", description);
		if (item.showNotesHtml() != null && !item.showNotesHtml().isBlank()) {
			// sanitized when stored
			text(xml, "content", "encoded", CONTENT, item.showNotesHtml());
		}
		if (item.audioUrl() != null) {
			xml.writeEmptyElement("enclosure");
			xml.writeAttribute("url", item.audioUrl());
			xml.writeAttribute("length", String.valueOf((item.audioLength() != null) ? item.audioLength() : 0));
			xml.writeAttribute("type", (item.audioType() != null) ? item.audioType() : "audio/mpeg");
		}
		if (item.durationSeconds() != null) {
			text(xml, "itunes", "duration", ITUNES, String.valueOf(item.durationSeconds()));
		}
		if (item.imageUrl() != null) {
			xml.writeEmptyElement("itunes", "image", ITUNES);
			xml.writeAttribute("href", item.imageUrl());
		}
		if (item.episodeType() != null) {
			text(xml, "itunes", "episodeType", ITUNES, item.episodeType());
		}
		if (item.season() != null) {
			text(xml, "itunes", "season", ITUNES, String.valueOf(item.season()));
		}
		if (item.episodeNumber() != null) {
			text(xml, "itunes", "episode", ITUNES, String.valueOf(item.episodeNumber()));
		}
		if (item.hasTranscript()) {
			transcript(xml, url.apply(page + "/transcript.vtt"), "text/vtt", true);
			transcript(xml, url.apply(page + "/transcript.srt"), "application/x-subrip", true);
			transcript(xml, url.apply(page + "/transcript.json"), "application/json", false);
		}
		if (item.chapterCount() > 0) {
			xml.writeEmptyElement("podcast", "chapters", PODCAST);
			xml.writeAttribute("url", url.apply(page + "/chapters.json"));
			xml.writeAttribute("type", "application/json+chapters");
		}
		// every item names its people itself (the source's channel-level persons were
		// applied to the items that named none when stored)
		for (var person : persons) {
			xml.writeStartElement("podcast", "person", PODCAST);
			xml.writeAttribute("role", person.role());
			xml.writeAttribute("group", person.group());
			if (person.img() != null) {
				xml.writeAttribute("img", person.img());
			}
			if (person.href() != null) {
				xml.writeAttribute("href", person.href());
			}
			xml.writeCharacters(person.name());
			xml.writeEndElement();
		}
	}

	private static void transcript(XMLStreamWriter xml, String href, String type, boolean captions)
			throws XMLStreamException {
		xml.writeEmptyElement("podcast", "transcript", PODCAST);
		xml.writeAttribute("url", href);
		xml.writeAttribute("type", type);
		if (captions) {
			xml.writeAttribute("rel", "captions");
		}
	}

	private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeCharacters(value);
		xml.writeEndElement();
	}

	private static void text(XMLStreamWriter xml, String prefix, String name, String namespace, String value)
			throws XMLStreamException {
		xml.writeStartElement(prefix, name, namespace);
		xml.writeCharacters(value);
		xml.writeEndElement();
	}

}
