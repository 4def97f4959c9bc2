package ai.interconnects.archive.api;

import java.time.Instant;
import java.util.List;

import ai.interconnects.archive.episode.ShowFacets;
import ai.interconnects.archive.poll.PollHistory;
import ai.interconnects.archive.show.Shows;
import ai.interconnects.archive.web.JsonApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The JSON API's shows: every visible show (read at least once, not removed) with its
 * episode count, newest episode and last poll.
 */
@RestController
@JsonApi
@RequestMapping(path = "/api/v1", produces = "application/json")
class ShowApiController {

	private final Shows shows;

	private final ShowFacets episodes;

	private final PollHistory polls;

	ShowApiController(Shows shows, ShowFacets episodes, PollHistory polls) {
		this.shows = shows;
		this.episodes = episodes;
		this.polls = polls;
	}

	/** The show's latest poll: when it started and its outcome (SUCCEEDED, FAILED, …). */
	record LastPoll(Instant at, String outcome) {
	}

	/**
	 * A show: {@code feedUrl} the feed it was added by, {@code link} its website,
	 * {@code episodes} how many episodes the archive holds, {@code lastPoll} null before
	 * its first poll.
	 */
	record Show(String slug, String title, String feedUrl, String link, String imageUrl, long episodes,
			Instant newestEpisodeAt, LastPoll lastPoll) {
	}

	record ShowList(List<Show> shows) {
	}

	@Operation(summary = "Every show of the archive, oldest first, with its episode count and last poll")
	@GetMapping("/shows")
	ShowList shows() {
		var counts = this.episodes.counts();
		return new ShowList(this.shows.visible()
			.stream()
			.map((s) -> show(s, counts.getOrDefault(s.id(), ShowFacets.ShowCounts.NONE)))
			.toList());
	}

	@Operation(summary = "One show, as in the list of shows")
	@ApiResponse(responseCode = "200", description = "the show")
	@ApiResponse(responseCode = "404", description = "no such show",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	@GetMapping("/shows/{show}")
	Show show(@PathVariable String show) {
		var found = this.shows.bySlug(show)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No show " + show));
		return show(found, this.episodes.counts().getOrDefault(found.id(), ShowFacets.ShowCounts.NONE));
	}

	private Show show(Shows.Show show, ShowFacets.ShowCounts counts) {
		var poll = this.polls.latest(show.id())
			.map((p) -> new LastPoll(p.startedAt(), p.outcome().name()))
			.orElse(null);
		return new Show(show.slug(), show.title(), show.configuredUrl(), show.link(), show.imageUrl(),
				counts.episodes(), counts.newestEpisodeAt(), poll);
	}

}
