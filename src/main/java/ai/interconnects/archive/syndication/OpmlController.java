package ai.interconnects.archive.syndication;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;

import ai.interconnects.archive.show.Shows;
import ai.interconnects.archive.web.ConditionalGet;
import ai.interconnects.archive.web.CurrentSite;
import ai.interconnects.archive.web.PublicUrl;
import ai.interconnects.archive.web.ShowOfEpisode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /opml.xml}: the archive's shows as OPML 2.0, the list podcast apps import to
 * subscribe to several feeds at once. Each show is listed with its title, the original
 * feed it is read from (not this archive's {@code /feed.xml}: subscribing through the
 * list follows the publisher) and its page here; with one show that page is the home
 * page. Before any feed was read there is no show to list, and OPML 2.0 asks for at least
 * one outline, so it is a 404 like {@code /feed.xml}.
 */
@Controller
class OpmlController {

	/** The type Apple Podcasts, Overcast and the OPML directories serve OPML with. */
	static final MediaType OPML = new MediaType("text", "x-opml", StandardCharsets.UTF_8);

	private final Shows shows;

	/**
	 * Whether the archive is a library, answered once per request with the page stamp.
	 */
	private final ShowOfEpisode showOfEpisode;

	private final CurrentSite site;

	private final PublicUrl publicUrl;

	OpmlController(Shows shows, ShowOfEpisode showOfEpisode, CurrentSite site, PublicUrl publicUrl) {
		this.shows = shows;
		this.showOfEpisode = showOfEpisode;
		this.site = site;
		this.publicUrl = publicUrl;
	}

	@GetMapping("/opml.xml")
	ResponseEntity<byte[]> opml(WebRequest request) {
		var listings = this.shows.listings();
		if (listings.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No feed has been read yet");
		}
		var page = this.publicUrl.of("/");
		// a library lists its visible shows, each with its own page here
		var entries = this.showOfEpisode.library()
				? this.shows.visible()
					.stream()
					.map((show) -> new OpmlWriter.Entry(show.title(), subscribable(show.configuredUrl()),
							this.publicUrl.of("/shows/" + show.slug())))
					.toList()
				: listings.stream()
					.map((show) -> new OpmlWriter.Entry(show.title(), subscribable(show.feedUrl()), page))
					.toList();
		// Dated by the newest change to a show's row (each poll touches it), never by the
		// request, so the body and its tag stay the same from one request to the next.
		Instant changed = listings.stream()
			.map(Shows.Listing::updatedAt)
			.filter(Objects::nonNull)
			.max(Comparator.naturalOrder())
			.orElse(Instant.EPOCH);
		var out = new ByteArrayOutputStream();
		OpmlWriter.write(out, this.site.get().name(), changed, entries);
		return ConditionalGet.respond(request, OPML, out.toByteArray(), changed);
	}

	/**
	 * The address an app can subscribe to: the original feed, or, for a show read from a
	 * file ({@code archive.feed.url=file:…}, an offline import), this archive's own feed
	 * of it, never a path on the server.
	 */
	private String subscribable(String feedUrl) {
		var scheme = (feedUrl != null) ? feedUrl.toLowerCase(Locale.ROOT) : "";
		if (!scheme.startsWith("http://") && !scheme.startsWith("https://")) {
			return this.publicUrl.of("/feed.xml");
		}
		return withoutCredentials(feedUrl);
	}

	/**
	 * The feed's address without a user name or password: a private feed's credentials
	 * are the operator's, never the public list's (a token in the path or query cannot be
	 * told apart from an address and is kept).
	 */
	static String withoutCredentials(String url) {
		try {
			var uri = new URI(url);
			if (uri.getRawUserInfo() == null) {
				return url;
			}
			return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), null, null, null).toString()
					+ Objects.toString(uri.getRawPath(), "")
					+ ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
		}
		catch (URISyntaxException ex) {
			// the poll fetched it, so it parses; if it ever did not, nothing of it is
			// published rather than a credential by accident
			return "";
		}
	}

}
