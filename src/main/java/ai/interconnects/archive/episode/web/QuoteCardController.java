package ai.interconnects.archive.episode.web;

import java.time.Duration;

import ai.interconnects.archive.web.CurrentSite;
import ai.interconnects.archive.web.Site;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code GET /episodes/{slug}/quote.png?t=754,801}: the quote card a shared moment
 * previews with. A moment without words (no transcript there) is a 404, like a missing
 * episode; while too many cards are being drawn, a 503 with {@code Retry-After}.
 */
@Controller
class QuoteCardController {

	private final ReadingService reading;

	private final QuoteCard cards;

	private final CurrentSite site;

	private final EpisodeShowAdvice shows;

	QuoteCardController(ReadingService reading, QuoteCard cards, CurrentSite site, EpisodeShowAdvice shows) {
		this.shows = shows;
		this.reading = reading;
		this.cards = cards;
		this.site = site;
	}

	/** In a library a card names the episode's show, not the library. */
	private Site site(String slug) {
		var show = this.shows.episodeShow(slug);
		if (show == null) {
			return this.site.get();
		}
		return new Site(show.title(), show.link(), show.author(), null, show.imageUrl(), show.copyright(), show.title(),
				true);
	}

	@GetMapping("/episodes/{slug}/quote.png")
	ResponseEntity<byte[]> card(@PathVariable String slug, @RequestParam(name = "t", required = false) String t) {
		var at = TimeRange.parse(t);
		if (at == null) {
			throw new EpisodeNotFoundException("A quote card needs a moment (?t=)");
		}
		var page = this.reading.episode(slug, at);
		var quote = page.quote();
		if (quote == null) {
			throw new EpisodeNotFoundException("Episode " + slug + " has no words at " + t);
		}
		byte[] png;
		try {
			png = this.cards.png(new QuoteCard.Content(quote.text(), quote.speaker(), quote.startClock(),
					page.episode().title(), site(slug)));
		}
		catch (QuoteCard.Busy busy) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, "2")
				.cacheControl(CacheControl.noStore())
				.build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
			.body(png);
	}

}
