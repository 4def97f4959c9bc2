package ai.interconnects.archive.syndication;

import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;

import ai.interconnects.archive.episode.EpisodeCatalog;
import ai.interconnects.archive.episode.EpisodeSummary;
import ai.interconnects.archive.episode.ShowFacets;
import ai.interconnects.archive.show.Shows;
import ai.interconnects.archive.web.ConditionalGet;
import ai.interconnects.archive.web.CurrentSite;
import ai.interconnects.archive.web.EpisodePaths;
import ai.interconnects.archive.web.PublicUrl;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.context.request.WebRequest;

/**
 * {@code /library.xml}: in a library, one RSS 2.0 feed of the newest episodes of every
 * show ({@code archive.syndication.feed-page-size} of them, one document, no paging),
 * each item naming its show (a title prefix, {@code category} and {@code source}) and
 * linking its page under its show; enclosures, transcripts, chapters and persons as in
 * each show's own feed. With one show it is a 301 to {@code /feed.xml}.
 */
@Controller
class LibraryFeedController {

	static final String PATH = "/library.xml";

	private final EpisodeCatalog catalog;

	private final ShowFacets showEpisodes;

	private final Shows shows;

	private final SyndicationProperties properties;

	private final PublicUrl publicUrl;

	private final CurrentSite site;

	LibraryFeedController(EpisodeCatalog catalog, ShowFacets showEpisodes, Shows shows,
			SyndicationProperties properties, PublicUrl publicUrl, CurrentSite site) {
		this.catalog = catalog;
		this.showEpisodes = showEpisodes;
		this.shows = shows;
		this.properties = properties;
		this.publicUrl = publicUrl;
		this.site = site;
	}

	@GetMapping(PATH)
	ResponseEntity<byte[]> feed(WebRequest request) {
		var visible = this.shows.visible();
		if (visible.size() < 2) {
			return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
				.location(URI.create(this.publicUrl.of("/feed.xml")))
				.build();
		}
		var byId = new HashMap<Long, ArchiveFeedWriter.ItemShow>();
		for (var show : visible) {
			byId.put(show.id(), new ArchiveFeedWriter.ItemShow(show.slug(), show.title(),
					this.publicUrl.of(EpisodePaths.show(show.slug()) + "/feed.xml")));
		}
		var items = this.showEpisodes.libraryNewest(this.properties.feedPageSize());
		var ids = items.stream().map(EpisodeSummary::id).toList();
		var name = this.site.get().name();
		var self = this.publicUrl.of(PATH);
		var channel = new Shows.Show(0, null, self, name, null, null, null,
				"The newest episodes of every show in " + name + ", with chapters and transcripts.", null, null);
		var body = ArchiveFeedWriter.write(channel, this.publicUrl.of("/"),
				List.of(new ArchiveFeedWriter.Link("self", self)), false, items, this.catalog.persons(ids),
				this.catalog.alternates(ids), this.publicUrl::of, (item) -> byId.get(item.podcastId()));
		Instant lastModified = items.stream()
			.map(EpisodeSummary::updatedAt)
			.filter(Objects::nonNull)
			.max(Comparator.naturalOrder())
			.orElse(null);
		var accept = request.getHeader(HttpHeaders.ACCEPT);
		boolean browser = accept != null && accept.contains("text/html");
		var response = ConditionalGet.respond(request, browser ? ArchiveFeedController.XML : ArchiveFeedController.RSS,
				body, lastModified);
		return ResponseEntity.status(response.getStatusCode()).headers((headers) -> {
			headers.putAll(response.getHeaders());
			headers.setVary(List.of(HttpHeaders.ACCEPT_ENCODING, HttpHeaders.ACCEPT));
		}).body(response.getBody());
	}

}
