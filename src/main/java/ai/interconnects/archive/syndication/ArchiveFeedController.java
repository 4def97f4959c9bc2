package ai.interconnects.archive.syndication;

import java.net.URI;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;

import ai.interconnects.archive.episode.EpisodeSummary;

import ai.interconnects.archive.episode.EpisodeCatalog;
import ai.interconnects.archive.episode.ShowFacets;

import ai.interconnects.archive.show.Shows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import ai.interconnects.archive.web.ConditionalGet;

import ai.interconnects.archive.web.PublicUrl;
import ai.interconnects.archive.web.ShowOfEpisode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /feed.xml}: every episode the archive holds, including those that left the
 * source feed, as RSS 2.0 for podcast apps, in documents of
 * {@code archive.syndication.feed-page-size} episodes, linked both ways RFC 5005 allows:
 * <ul>
 * <li>a paged feed (section 3): {@code /feed.xml} is page 1 (the newest episodes),
 * {@code ?page=n} the next ones, with {@code first}, {@code previous}, {@code next} and
 * {@code last} links;</li>
 * <li>an archived feed (section 4): {@code ?archive=k} holds the k-th block of episodes
 * counted from the oldest, so a complete block never changes as new episodes arrive;
 * {@code /feed.xml} links the newest complete block as {@code prev-archive}, archives
 * link each other and {@code current}.</li>
 * </ul>
 * Unknown pages and archives are 404s.
 */
@Controller
class ArchiveFeedController {

	static final MediaType RSS = new MediaType("application", "rss+xml", StandardCharsets.UTF_8);

	/**
	 * The same bytes for a browser: it renders application/rss+xml as plain text, but an
	 * XML type as a document, with the feed's stylesheet ({@code static/feed.xsl}).
	 */
	static final MediaType XML = new MediaType("application", "xml", StandardCharsets.UTF_8);

	private final EpisodeCatalog catalog;

	private final Shows shows;

	/**
	 * Whether the archive is a library, answered once per request with the page stamp.
	 */
	private final ShowOfEpisode showOfEpisode;

	private final SyndicationProperties properties;

	private final PublicUrl publicUrl;

	private final ShowFacets showEpisodes;

	ArchiveFeedController(EpisodeCatalog catalog, SyndicationProperties properties, PublicUrl publicUrl, Shows shows,
			ShowOfEpisode showOfEpisode, ShowFacets showEpisodes) {
		this.showEpisodes = showEpisodes;
		this.shows = shows;
		this.showOfEpisode = showOfEpisode;
		this.publicUrl = publicUrl;
		this.catalog = catalog;
		this.properties = properties;
	}

	/** Where a feed's episodes come from: the whole archive, or one show. */
	private record Source(String path, String showSlug, LongSupplier count,
			BiFunction<Long, Integer, List<EpisodeSummary>> oldest,
			BiFunction<Long, Integer, List<EpisodeSummary>> newest) {
	}

	@GetMapping("/feed.xml")
	ResponseEntity<byte[]> feed(@RequestParam(required = false) String page,
			@RequestParam(required = false) String archive, WebRequest request) {
		var show = this.shows.first()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No feed has been read yet"));
		if (this.showOfEpisode.library()) {
			// subscribers follow a permanent redirect to the first show's own feed
			return moved("/shows/" + show.slug() + "/feed.xml", page, archive);
		}
		return serve(show, new Source("/feed.xml", null, () -> this.catalog.count(null), this.catalog::oldest,
				(offset, size) -> this.catalog.newest(null, offset, size)), page, archive, request);
	}

	/** One show's archive feed in a library; with one show, {@code /feed.xml}. */
	@GetMapping("/shows/{slug}/feed.xml")
	ResponseEntity<byte[]> showFeed(@PathVariable String slug, @RequestParam(required = false) String page,
			@RequestParam(required = false) String archive, WebRequest request) {
		var show = this.shows.bySlug(slug)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No show " + slug));
		if (!this.showOfEpisode.library()) {
			return moved("/feed.xml", page, archive);
		}
		long id = show.id();
		return serve(show,
				new Source("/shows/" + show.slug() + "/feed.xml", show.slug(), () -> this.showEpisodes.count(id, null),
						(offset, size) -> this.showEpisodes.oldest(id, offset, size),
						(offset, size) -> this.showEpisodes.newest(id, null, offset, size)),
				page, archive, request);
	}

	private ResponseEntity<byte[]> moved(String path, String page, String archive) {
		var uri = UriComponentsBuilder.fromPath(path);
		if (page != null) {
			uri.queryParam("page", page);
		}
		if (archive != null) {
			uri.queryParam("archive", archive);
		}
		return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
			.location(URI.create(this.publicUrl.of(uri.encode().build().toUriString())))
			.build();
	}

	private ResponseEntity<byte[]> serve(Shows.Show show, Source source, String page, String archive,
			WebRequest request) {
		int size = this.properties.feedPageSize();
		long total = source.count().getAsLong();
		long pages = Math.max(1, (total + size - 1) / size);
		long archives = total / size;
		var links = new ArrayList<ArchiveFeedWriter.Link>();
		List<EpisodeSummary> items;
		boolean isArchive = archive != null;
		if (isArchive) {
			long k = number(archive, archives);
			items = source.oldest().apply((k - 1) * size, size);
			links.add(new ArchiveFeedWriter.Link("self", url(source, "?archive=" + k)));
			links.add(new ArchiveFeedWriter.Link("current", url(source, "")));
			if (k > 1) {
				links.add(new ArchiveFeedWriter.Link("prev-archive", url(source, "?archive=" + (k - 1))));
			}
			if (k < archives) {
				links.add(new ArchiveFeedWriter.Link("next-archive", url(source, "?archive=" + (k + 1))));
			}
		}
		else {
			long n = (page != null) ? number(page, pages) : 1;
			items = source.newest().apply((n - 1) * size, size);
			links.add(new ArchiveFeedWriter.Link("self", url(source, pageQuery(n))));
			links.add(new ArchiveFeedWriter.Link("first", url(source, "")));
			if (n > 1) {
				links.add(new ArchiveFeedWriter.Link("previous", url(source, pageQuery(n - 1))));
			}
			if (n < pages) {
				links.add(new ArchiveFeedWriter.Link("next", url(source, pageQuery(n + 1))));
			}
			links.add(new ArchiveFeedWriter.Link("last", url(source, pageQuery(pages))));
			if (n == 1 && archives > 0) {
				links.add(new ArchiveFeedWriter.Link("prev-archive", url(source, "?archive=" + archives)));
			}
		}
		var site = this.publicUrl.of(source.path().equals("/feed.xml") ? "/" : "/shows/" + show.slug());
		var ids = items.stream().map(EpisodeSummary::id).toList();
		var body = ArchiveFeedWriter.write(show, site, links, isArchive, items, this.catalog.persons(ids),
				this.catalog.alternates(ids), (path) -> this.publicUrl.of(path), (item) -> (source.showSlug() != null)
						? new ArchiveFeedWriter.ItemShow(source.showSlug(), null, null) : null);
		Instant lastModified = items.stream()
			.map(EpisodeSummary::updatedAt)
			.filter(Objects::nonNull)
			.max(Comparator.naturalOrder())
			.orElse(null);
		var response = ConditionalGet.respond(request, forBrowser(request) ? XML : RSS, body, lastModified);
		return ResponseEntity.status(response.getStatusCode()).headers((headers) -> {
			headers.putAll(response.getHeaders());
			headers.setVary(List.of(HttpHeaders.ACCEPT_ENCODING, HttpHeaders.ACCEPT));
		}).body(response.getBody());
	}

	/** A browser asks for HTML first; podcast apps and feed readers do not. */
	private static boolean forBrowser(WebRequest request) {
		var accept = request.getHeader(HttpHeaders.ACCEPT);
		return accept != null && accept.contains("text/html");
	}

	private static String pageQuery(long n) {
		return (n == 1) ? "" : "?page=" + n;
	}

	private String url(Source source, String query) {
		return this.publicUrl.of(source.path()) + query;
	}

	/** A page or archive number between 1 and {@code max}, else a 404. */
	private static long number(String value, long max) {
		var text = value.strip();
		if (text.matches("\\d{1,9}")) {
			long n = Long.parseLong(text);
			if (n >= 1 && n <= max) {
				return n;
			}
		}
		throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such feed page");
	}

}
