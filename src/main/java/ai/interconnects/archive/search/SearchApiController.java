package ai.interconnects.archive.search;

import java.util.ArrayList;
import java.util.List;

import ai.interconnects.archive.web.EpisodePaths;
import ai.interconnects.archive.web.JsonApi;
import ai.interconnects.archive.web.PublicUrl;
import ai.interconnects.archive.web.ShowOfEpisode;
import ai.interconnects.archive.web.TimeCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.jsoup.Jsoup;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/v1/search}: the results of the {@code /search} page, from the same
 * {@link SearchService} call with the same parameters, as JSON. Only a thin mapping of
 * {@link SearchResults}: links become absolute, excerpts come both as marked HTML and as
 * plain text.
 */
@RestController
@JsonApi
class SearchApiController {

	private final SearchService search;

	private final SearchProperties properties;

	private final PublicUrl publicUrl;

	private final ShowOfEpisode showOfEpisode;

	SearchApiController(SearchService search, SearchProperties properties, PublicUrl publicUrl,
			ShowOfEpisode showOfEpisode) {
		this.showOfEpisode = showOfEpisode;
		this.publicUrl = publicUrl;
		this.search = search;
		this.properties = properties;
	}

	/**
	 * A matching moment: {@code kind} is SEGMENT, CHAPTER, TITLE or NOTES;
	 * {@code startSeconds} and {@code time} are null for title and notes matches;
	 * {@code match} is WORDS (it holds query words, marked in {@code excerptHtml}) or
	 * MEANING (found by meaning alone: nothing is marked).
	 */
	record Moment(String kind, String speaker, Integer startSeconds, String time, String excerpt, String excerptHtml,
			String url, String transcriptUrl, String match) {
	}

	/** The show an episode belongs to. */
	record Show(String slug, String title) {
	}

	record Episode(String slug, String title, String date, long moments, List<Moment> best, String url, Show show) {
	}

	/**
	 * A show of the facet: its matching episodes counted without the show filter
	 * ({@code estimated} by the total's rule), {@code selected} when the filter names it.
	 */
	record ShowFacet(String slug, String title, long episodes, boolean estimated, boolean selected) {
	}

	/**
	 * {@code shows}: in a library (several shows) every show with matches; else empty.
	 */
	record Facets(List<ShowFacet> shows) {
	}

	/**
	 * {@code outcome} is SEARCHED, STOP_WORDS_ONLY or EXCLUSIONS_ONLY; {@code notices}
	 * say which parameters were ignored or shortened; {@code capped} that the totals are
	 * estimates (more matched than were ranked); {@code ignoredWords} the stop-words left
	 * out of the query; {@code showingResultsFor} the name variant whose results these
	 * are, when the query as typed matched nothing (else null); {@code mode} how the
	 * results were ranked: HYBRID (by meaning and words) or WORDS (exact words only, as
	 * asked with {@code mode=words}, or because search by meaning is not ready: a notice
	 * says so); {@code facets.shows} the matching episodes per show.
	 */
	record Results(String query, String outcome, List<String> notices, long totalMoments, long totalEpisodes,
			boolean capped, int page, int pageCount, List<Episode> episodes, List<String> suggestions,
			List<String> ignoredWords, String showingResultsFor, String mode, Facets facets) {
	}

	@Operation(summary = "Search by meaning and words, as the /search page",
			description = "Plain-language queries are ranked by meaning and words together (mode=words: exact words "
					+ "only). Websearch syntax: words, \"phrases\", -exclusions, or (these keep their exact meaning). "
					+ "Results grouped by episode, 10 a page, each with its best three moments and its show. "
					+ "show= narrows to some shows; facets.shows counts the matching episodes per show (library only).")
	@ApiResponse(responseCode = "200", description = "a page of results")
	@ApiResponse(responseCode = "400", description = "no query",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	@GetMapping(path = "/api/v1/search", produces = "application/json")
	Results search(@Parameter(description = "the query (required)") @RequestParam(required = false) String q,
			@Parameter(description = "exact speaker name") @RequestParam(required = false) String speaker,
			@Parameter(description = "first day, YYYY-MM-DD") @RequestParam(required = false) String from,
			@Parameter(description = "last day, YYYY-MM-DD") @RequestParam(required = false) String to,
			@Parameter(description = "relevance (default) or newest") @RequestParam(required = false) String sort,
			@Parameter(description = "page number, from 1") @RequestParam(required = false) String page,
			@Parameter(description = "words: exact words only; otherwise by meaning and words") @RequestParam(
					required = false) String mode,
			@Parameter(
					description = "show slugs to search (repeatable or comma-separated); every show by default") @RequestParam(
							required = false) List<String> show) {
		var asked = SearchRequest.of(q, speaker, from, to, sort, page, mode, this.properties.maxQueryLength())
			.withShows(show);
		if (asked.blank()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "q is required");
		}
		var results = this.search.search(asked);
		var request = results.request();
		var episodes = new ArrayList<Episode>(results.episodes().size());
		boolean library = this.showOfEpisode.library();
		for (var episode : results.episodes()) {
			var moments = new ArrayList<Moment>(episode.best().size());
			for (var moment : episode.best()) {
				Integer seconds = (moment.time() != null)
						? TimeCode.wholeSeconds(moment.time()).stream().boxed().findFirst().orElse(null) : null;
				moments.add(new Moment(moment.kind().name(), moment.speaker(), seconds, moment.time(),
						Jsoup.parse(moment.excerptHtml()).text(), moment.excerptHtml(), absolute(moment.playLink()),
						absolute(moment.transcriptLink()), moment.match().name()));
			}
			episodes.add(new Episode(episode.slug(), episode.title(), episode.date(), episode.moments(), moments,
					absolute(EpisodePaths.page((library && episode.show() != null) ? episode.show().slug() : null,
							episode.slug())),
					(episode.show() != null) ? new Show(episode.show().slug(), episode.show().title()) : null));
		}
		return new Results(request.query(), results.outcome().name(), request.notices(), results.totalMoments(),
				results.totalEpisodes(), results.momentsEstimated() || results.episodesEstimated(), results.page(),
				results.pageCount(), episodes,
				results.suggestions().stream().map(Suggestions.Suggestion::query).toList(),
				results.help().ignoredWords(), results.help().showingResultsFor(), results.mode().name(),
				new Facets(results.shows()
					.stream()
					.map((f) -> new ShowFacet(f.slug(), f.title(), f.episodes(), f.estimated(), f.selected()))
					.toList()));
	}

	private String absolute(String path) {
		return (path != null) ? this.publicUrl.of(path) : null;
	}

}
