package ai.interconnects.archive.syndication;

import ai.interconnects.archive.web.EpisodePaths;

import ai.interconnects.archive.episode.EpisodeCatalog;
import ai.interconnects.archive.episode.ShowFacets;
import ai.interconnects.archive.show.Shows;
import ai.interconnects.archive.episode.PageFacts;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;

import ai.interconnects.archive.web.ConditionalGet;

import ai.interconnects.archive.web.PagesProperties;
import ai.interconnects.archive.web.PublicUrl;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /sitemap.xml} (every public page: the archive pages, {@code /chapters}, each
 * episode, its transcript and its chapters, with {@code lastmod} from the episode's
 * update time) and {@code /robots.txt}, which points at it. Beyond
 * {@code archive.syndication.sitemap-max-urls} URLs, {@code /sitemap.xml} becomes a
 * sitemap index of {@code /sitemap-1.xml}, {@code /sitemap-2.xml}, … . Search results
 * (the search page, the in-transcript find, the search API), the admin area, the actuator
 * and the bulk export are disallowed for crawlers.
 */
@Controller
class SitemapController {

	static final String SITEMAPS = "http://www.sitemaps.org/schemas/sitemap/0.9";

	private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

	private final EpisodeCatalog catalog;

	private final SyndicationProperties properties;

	private final int archivePageSize;

	private final PublicUrl publicUrl;

	private final Shows shows;

	private final ShowFacets showEpisodes;

	SitemapController(EpisodeCatalog catalog, SyndicationProperties properties, PagesProperties pages,
			PublicUrl publicUrl, Shows shows, ShowFacets showEpisodes) {
		this.shows = shows;
		this.showEpisodes = showEpisodes;
		this.publicUrl = publicUrl;
		this.catalog = catalog;
		this.properties = properties;
		this.archivePageSize = pages.pageSize();
	}

	record Entry(String path, Instant lastModified) {
	}

	@GetMapping("/robots.txt")
	ResponseEntity<byte[]> robots(WebRequest request) {
		var body = """
				User-agent: *
				Disallow: /admin
				Disallow: /actuator
				Disallow: /search
				Disallow: /api/v1/search
				Disallow: /episodes/*/transcript?q=
				Disallow: /export.jsonl.gz

				Sitemap: %s
				""".formatted(absolute("/sitemap.xml"));
		return ConditionalGet.respond(request, new MediaType("text", "plain", StandardCharsets.UTF_8), body, null);
	}

	@GetMapping("/sitemap.xml")
	ResponseEntity<byte[]> sitemap(WebRequest request) {
		var entries = entries();
		int max = this.properties.sitemapMaxUrls();
		if (entries.size() <= max) {
			return respond(request, locations("urlset", "url", entries), entries);
		}
		int count = (entries.size() + max - 1) / max;
		var parts = new ArrayList<Entry>(count);
		for (int part = 1; part <= count; part++) {
			parts.add(new Entry("/sitemap-" + part + ".xml", newest(slice(entries, part, max), Entry::lastModified)));
		}
		return respond(request, locations("sitemapindex", "sitemap", parts), entries);
	}

	@GetMapping("/sitemap-{part}.xml")
	ResponseEntity<byte[]> part(@PathVariable String part, WebRequest request) {
		var entries = entries();
		int max = this.properties.sitemapMaxUrls();
		int parts = (entries.size() + max - 1) / max;
		if (!part.matches("\\d{1,6}") || parts < 2 || Integer.parseInt(part) < 1 || Integer.parseInt(part) > parts) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such sitemap");
		}
		var slice = slice(entries, Integer.parseInt(part), max);
		return respond(request, locations("urlset", "url", slice), slice);
	}

	/** The {@code n}th (from 1) run of {@code max} entries. */
	private static List<Entry> slice(List<Entry> entries, int n, int max) {
		return entries.subList((n - 1) * max, Math.min(entries.size(), n * max));
	}

	/** Every public page, in archive order. */
	private List<Entry> entries() {
		var rows = this.catalog.pages();
		var entries = new ArrayList<Entry>(rows.size() * 8 + 4);
		Instant newest = newest(rows, PageFacts::updatedAt);
		entries.add(new Entry("/", newest));
		var visible = this.shows.visible();
		var showSlugs = new HashMap<Long, String>();
		if (visible.size() > 1) {
			visible.forEach((show) -> showSlugs.put(show.id(), show.slug()));
			// a library: the list of shows and each show's archive pages
			var counts = this.showEpisodes.counts();
			entries.add(new Entry("/shows", newest));
			for (var show : visible) {
				long episodes = counts.getOrDefault(show.id(), ShowFacets.ShowCounts.NONE).episodes();
				entries.add(new Entry("/shows/" + show.slug(), null));
				for (long page = 2; page <= (episodes + this.archivePageSize - 1) / this.archivePageSize; page++) {
					entries.add(new Entry("/shows/" + show.slug() + "?page=" + page, null));
				}
			}
		}
		else {
			long archivePages = Math.max(1, (rows.size() + this.archivePageSize - 1) / this.archivePageSize);
			for (long page = 2; page <= archivePages; page++) {
				entries.add(new Entry("/?page=" + page, null));
			}
		}
		entries.add(new Entry("/chapters", newest));
		for (var row : rows) {
			// in a library under its show (showSlugs is empty with one show)
			var path = EpisodePaths.page(showSlugs.get(row.podcastId()), row.slug());
			entries.add(new Entry(path, row.updatedAt()));
			if (row.hasTranscript()) {
				entries.add(new Entry(path + "/transcript", row.updatedAt()));
			}
			for (int n = 1; n <= row.chapterCount(); n++) {
				entries.add(new Entry(path + "/chapters/" + n, row.updatedAt()));
			}
		}
		return entries;
	}

	/**
	 * A sitemap ({@code urlset} of {@code url}) or a sitemap index ({@code sitemapindex}
	 * of {@code sitemap}): the same shape, a location and its last change.
	 */
	private byte[] locations(String root, String element, List<Entry> entries) {
		var bytes = new ByteArrayOutputStream(entries.size() * 120 + 200);
		try {
			var xml = FACTORY.createXMLStreamWriter(bytes, "UTF-8");
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement(root);
			xml.writeDefaultNamespace(SITEMAPS);
			for (var entry : entries) {
				xml.writeStartElement(element);
				text(xml, "loc", absolute(entry.path()));
				if (entry.lastModified() != null) {
					text(xml, "lastmod", DateTimeFormatter.ISO_INSTANT.format(entry.lastModified()));
				}
				xml.writeEndElement();
			}
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
		return bytes.toByteArray();
	}

	private static ResponseEntity<byte[]> respond(WebRequest request, byte[] body, List<Entry> entries) {
		return ConditionalGet.respond(request, new MediaType("application", "xml", StandardCharsets.UTF_8), body,
				newest(entries, Entry::lastModified));
	}

	private static <T> Instant newest(List<T> items, Function<T, Instant> time) {
		return items.stream().map(time).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
	}

	private String absolute(String path) {
		// the path is ours ("/episodes/slug", "/?page=2"), already encoded (EpisodePaths)
		return this.publicUrl.of(path);
	}

	private static void text(javax.xml.stream.XMLStreamWriter xml, String name, String value)
			throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeCharacters(value);
		xml.writeEndElement();
	}

}
