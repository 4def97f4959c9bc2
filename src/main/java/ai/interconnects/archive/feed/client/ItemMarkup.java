package ai.interconnects.archive.feed.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import ai.interconnects.archive.web.WebUrl;
import org.jdom2.Element;

/**
 * What an item's XML says that Rome does not map: Podcasting 2.0
 * {@code <podcast:transcript>}, {@code <podcast:chapters>} and {@code <podcast:person>}
 * (under either namespace URI publishers use), Podlove {@code <psc:chapters>}, and the
 * raw text of fields Rome reads lossily (dates it cannot parse, durations with fractions,
 * the iTunes summary and the Media RSS description used when an item has no other text).
 */
final class ItemMarkup {

	/** The namespace URIs of Podcasting 2.0; older feeds use the GitHub document's. */
	static final Set<String> PODCAST_NAMESPACES = Set.of("https://podcastindex.org/namespace/1.0",
			"https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md",
			"http://podcastindex.org/namespace/1.0");

	static final String PODLOVE_CHAPTERS = "http://podlove.org/simple-chapters";

	static final String ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd";

	static final String MEDIA = "http://search.yahoo.com/mrss/";

	static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";

	private final Element item;

	ItemMarkup(Element item) {
		this.item = item;
	}

	/** The publisher's transcript files with http(s) URLs, in feed order. */
	List<ItemExtras.FileLink> transcripts() {
		var links = new ArrayList<ItemExtras.FileLink>();
		for (var child : this.item.getChildren()) {
			if (child.getName().equals("transcript") && PODCAST_NAMESPACES.contains(child.getNamespaceURI())) {
				var url = web(child.getAttributeValue("url"));
				var type = child.getAttributeValue("type");
				if (url != null && links.stream().noneMatch((link) -> link.url().equals(url))) {
					links.add(new ItemExtras.FileLink(url, (type != null) ? type.strip() : null));
				}
			}
		}
		return List.copyOf(links);
	}

	private static String web(String value) {
		return WebUrl.asWrittenOrNull(value);
	}

	/**
	 * The item's {@code <podcast:person>} tags; without any, the channel's, which the
	 * namespace applies to every episode that names none of its own.
	 */
	List<ItemExtras.Person> persons() {
		var own = PodcastPersons.of(this.item);
		if (!own.isEmpty()) {
			return own;
		}
		var parent = this.item.getParentElement();
		if (parent == null) {
			return own;
		}
		// RSS 1.0 lists items beside its channel element, not inside it
		var channel = (parent.getName().equals("channel") || parent.getName().equals("feed")) ? parent
				: parent.getChildren()
					.stream()
					.filter((child) -> child.getName().equals("channel"))
					.findFirst()
					.orElse(null);
		return (channel != null) ? PodcastPersons.of(channel) : own;
	}

	/** The Podcasting 2.0 chapters file, or {@code null}. */
	ItemExtras.FileLink chapters() {
		for (var child : this.item.getChildren()) {
			if (child.getName().equals("chapters") && PODCAST_NAMESPACES.contains(child.getNamespaceURI())) {
				var url = web(child.getAttributeValue("url"));
				if (url != null) {
					var type = child.getAttributeValue("type");
					return new ItemExtras.FileLink(url, (type != null) ? type.strip() : null);
				}
			}
		}
		return null;
	}

	/** Podlove Simple Chapters written in the item, as written. */
	List<ItemExtras.InlineChapter> podloveChapters() {
		var chapters = new ArrayList<ItemExtras.InlineChapter>();
		for (var list : this.item.getChildren("chapters", org.jdom2.Namespace.getNamespace(PODLOVE_CHAPTERS))) {
			for (var chapter : list.getChildren()) {
				if (chapter.getName().equals("chapter") && chapter.getAttributeValue("start") != null
						&& chapter.getAttributeValue("title") != null) {
					chapters.add(new ItemExtras.InlineChapter(chapter.getAttributeValue("start").strip(),
							chapter.getAttributeValue("title").strip(), web(chapter.getAttributeValue("href")),
							web(chapter.getAttributeValue("image"))));
				}
			}
		}
		return List.copyOf(chapters);
	}

	/** The raw publication date: RSS {@code pubDate}, Dublin Core, or Atom's. */
	String rawDate() {
		for (var name : List.of("pubDate", "date", "published", "updated", "issued", "modified")) {
			for (var child : this.item.getChildren()) {
				if (child.getName().equals(name) && !child.getTextTrim().isEmpty()) {
					return child.getTextTrim();
				}
			}
		}
		return null;
	}

	/** The item's {@code <podcast:alternateEnclosure>} tags. */
	List<ItemExtras.AlternateEnclosure> alternateEnclosures() {
		return AlternateEnclosures.of(this.item);
	}

	/**
	 * {@code itunes:season} or {@code itunes:episode} as a whole number; anything else is
	 * reported in {@code warnings} and left out.
	 */
	Integer number(String name, List<String> warnings) {
		var raw = itunes(name);
		if (raw == null) {
			return null;
		}
		if (raw.matches("\\d{1,6}")) {
			return Integer.parseInt(raw);
		}
		var shown = (raw.length() > 40) ? raw.substring(0, 40) + "…" : raw;
		warnings.add("itunes:" + name + " '" + shown + "' is not a whole number; left out");
		return null;
	}

	String itunes(String name) {
		var child = this.item.getChild(name, org.jdom2.Namespace.getNamespace(ITUNES));
		return (child != null && !child.getTextTrim().isEmpty()) ? child.getText().strip() : null;
	}

	/**
	 * The first {@code media:description}, at any depth ({@code media:group} in YouTube
	 * feeds).
	 */
	String mediaDescription() {
		for (var element : this.item.getDescendants(org.jdom2.filter.Filters.element())) {
			if (element.getName().equals("description") && MEDIA.equals(element.getNamespaceURI())
					&& !element.getTextTrim().isEmpty()) {
				return element.getText().strip();
			}
		}
		return null;
	}

}
