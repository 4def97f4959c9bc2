package ai.interconnects.archive.syndication;

import ai.interconnects.archive.episode.EpisodeSummary;

import ai.interconnects.archive.episode.EpisodeCatalog;

import ai.interconnects.archive.show.Shows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import ai.interconnects.archive.web.ConditionalGet;

import ai.interconnects.archive.web.PublicUrl;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
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

	private final EpisodeCatalog catalog;

	private final Shows shows;

	private final SyndicationProperties properties;

	private final PublicUrl publicUrl;

	ArchiveFeedController(EpisodeCatalog catalog, SyndicationProperties properties, PublicUrl publicUrl, Shows shows) {
		this.shows = shows;
		this.publicUrl = publicUrl;
		this.catalog = catalog;
		this.properties = properties;
	}

	@GetMapping("/feed.xml")
	ResponseEntity<byte[]> feed(@RequestParam(required = false) String page,
			@RequestParam(required = false) String archive, WebRequest request) {
		var show = this.shows.first()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No feed has been read yet"));
		int size = this.properties.feedPageSize();
		long total = this.catalog.count(null);
		long pages = Math.max(1, (total + size - 1) / size);
		long archives = total / size;
		var links = new ArrayList<ArchiveFeedWriter.Link>();
		List<EpisodeSummary> items;
		boolean isArchive = archive != null;
		if (isArchive) {
			long k = number(archive, archives);
			items = this.catalog.oldest((k - 1) * size, size);
			links.add(new ArchiveFeedWriter.Link("self", url("?archive=" + k)));
			links.add(new ArchiveFeedWriter.Link("current", url("")));
			if (k > 1) {
				links.add(new ArchiveFeedWriter.Link("prev-archive", url("?archive=" + (k - 1))));
			}
			if (k < archives) {
				links.add(new ArchiveFeedWriter.Link("next-archive", url("?archive=" + (k + 1))));
			}
		}
		else {
			long n = (page != null) ? number(page, pages) : 1;
			items = this.catalog.newest(null, (n - 1) * size, size);
			links.add(new ArchiveFeedWriter.Link("self", url(pageQuery(n))));
			links.add(new ArchiveFeedWriter.Link("first", url("")));
			if (n > 1) {
				links.add(new ArchiveFeedWriter.Link("previous", url(pageQuery(n - 1))));
			}
			if (n < pages) {
				links.add(new ArchiveFeedWriter.Link("next", url(pageQuery(n + 1))));
			}
			links.add(new ArchiveFeedWriter.Link("last", url(pageQuery(pages))));
			if (n == 1 && archives > 0) {
				links.add(new ArchiveFeedWriter.Link("prev-archive", url("?archive=" + archives)));
			}
		}
		var site = this.publicUrl.of("/");
		var ids = items.stream().map(EpisodeSummary::id).toList();
		var body = ArchiveFeedWriter.write(show, site, links, isArchive, items, this.catalog.persons(ids),
				this.catalog.alternates(ids), (path) -> this.publicUrl.of(path));
		Instant lastModified = items.stream()
			.map(EpisodeSummary::updatedAt)
			.filter(Objects::nonNull)
			.max(Comparator.naturalOrder())
			.orElse(null);
		return ConditionalGet.respond(request, RSS, body, lastModified);
	}

	private static String pageQuery(long n) {
		return (n == 1) ? "" : "?page=" + n;
	}

	private String url(String query) {
		return this.publicUrl.of("/feed.xml") + query;
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
