package ai.interconnects.archive.api;

import ai.interconnects.archive.web.EpisodePaths;

import ai.interconnects.archive.episode.EpisodeSummary;

import ai.interconnects.archive.episode.EpisodeCatalog;
import ai.interconnects.archive.episode.ShowFacets;
import ai.interconnects.archive.show.Shows;

import ai.interconnects.archive.web.JsonApi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.interconnects.archive.web.PublicUrl;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The JSON API's episodes and speakers ({@code /api/v1/search} is in the search feature).
 * Read-only; open to any origin ({@link ApiWebConfiguration}) and rate-limited per
 * address ({@link ApiRateLimitFilter}).
 */
@RestController
@JsonApi
@RequestMapping(path = "/api/v1", produces = "application/json")
class EpisodeApiController {

	private static final Instant EARLIEST_SINCE = Instant.parse("0001-01-01T00:00:00Z");

	private static final Instant LATEST_SINCE = Instant.parse("9999-12-31T23:59:59Z");

	private final EpisodeCatalog catalog;

	private final ApiProperties properties;

	private final PublicUrl publicUrl;

	private final ShowFacets showEpisodes;

	private final Shows shows;

	EpisodeApiController(EpisodeCatalog catalog, ApiProperties properties, PublicUrl publicUrl, ShowFacets showEpisodes,
			Shows shows) {
		this.showEpisodes = showEpisodes;
		this.shows = shows;
		this.publicUrl = publicUrl;
		this.catalog = catalog;
		this.properties = properties;
	}

	@Operation(summary = "Episodes, newest first, a page at a time",
			description = "With since, only the episodes added or changed at or after that time (updatedAt); "
					+ "with show, only that show's episodes. Each episode names its show.")
	@ApiResponse(responseCode = "200", description = "a page of episodes")
	@ApiResponse(responseCode = "400", description = "a bad page, size, since or show",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	@GetMapping("/episodes")
	ApiModels.EpisodePage episodes(
			@Parameter(description = "page number, from 1") @RequestParam(defaultValue = "1") int page,
			@Parameter(description = "episodes per page, 1 to 100") @RequestParam(required = false) Integer size,
			@Parameter(
					description = "ISO 8601 instant (2025-06-01T00:00:00Z) or date (2025-06-01, UTC midnight)") @RequestParam(
							required = false) String since,
			@Parameter(description = "a show's slug: only its episodes") @RequestParam(required = false) String show) {
		if (page < 1) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page must be 1 or more");
		}
		int pageSize = (size != null) ? size : this.properties.pageSize();
		if (pageSize < 1 || pageSize > 100) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "size must be between 1 and 100");
		}
		var from = since(since);
		var only = (show != null)
				? this.shows.bySlug(show.strip())
					.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "No show " + show.strip()))
				: null;
		long total = (only != null) ? this.showEpisodes.count(only.id(), from) : this.catalog.count(from);
		int totalPages = (int) Math.max(1, (total + pageSize - 1) / pageSize);
		long offset = (long) (page - 1) * pageSize;
		var rows = (only != null) ? this.showEpisodes.newest(only.id(), from, offset, pageSize)
				: this.catalog.newest(from, offset, pageSize);
		var names = showRefs();
		var episodes = new ArrayList<ApiModels.EpisodeSummary>(rows.size());
		for (var row : rows) {
			episodes.add(new ApiModels.EpisodeSummary(row.slug(), row.guid(), row.title(), row.publishedAt(),
					row.updatedAt(), row.durationSeconds(), row.summary(), row.imageUrl(), row.link(), audio(row),
					row.chapterCount(), row.segmentCount(), links(row, names), row.season(), row.episodeNumber(),
					names.get(row.podcastId())));
		}
		String next = null;
		if (page < totalPages) {
			// path and query from the request, the host from archive.public-url
			// (never the request's Host header)
			var relative = ServletUriComponentsBuilder.fromCurrentRequest()
				.replaceQueryParam("page", page + 1)
				.build()
				.encode();
			next = this.publicUrl
				.of(relative.getPath() + ((relative.getQuery() != null) ? "?" + relative.getQuery() : ""));
		}
		return new ApiModels.EpisodePage(episodes, page, pageSize, total, totalPages, from, next);
	}

	@Operation(summary = "One episode with its show notes, chapters, transcript paragraphs and the people it names")
	@ApiResponse(responseCode = "200", description = "the episode")
	@ApiResponse(responseCode = "404", description = "no such episode",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(implementation = ProblemDetail.class)))
	@GetMapping("/episodes/{slug}")
	ApiModels.EpisodeDetail episode(@PathVariable String slug) {
		var row = this.catalog.bySlug(slug)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No episode " + slug));
		var names = showRefs();
		var page = page(row, names);
		var chapters = new ArrayList<ApiModels.Chapter>();
		var stored = this.catalog.chapters(row.id());
		for (int i = 0; i < stored.size(); i++) {
			chapters.add(new ApiModels.Chapter(i + 1, stored.get(i).startSeconds(), stored.get(i).endSeconds(),
					stored.get(i).title(), absolute(page + "/chapters/" + (i + 1))));
		}
		return new ApiModels.EpisodeDetail(row.slug(), row.guid(), row.title(), row.publishedAt(), row.updatedAt(),
				row.durationSeconds(), row.summary(), row.showNotesHtml(), row.imageUrl(), row.link(),
				row.episodeType(), audio(row), links(row, names), chapters, segments(row.id()), persons(row.id()),
				row.season(), row.episodeNumber(), alternates(row.id()), names.get(row.podcastId()));
	}

	@Operation(summary = "Everyone who speaks in the transcripts, with episode, turn and paragraph counts")
	@GetMapping("/speakers")
	ApiModels.Speakers speakers() {
		return new ApiModels.Speakers(this.catalog.speakerStats()
			.stream()
			.map((s) -> new ApiModels.Speaker(s.name(), s.episodes(), s.turns(), s.segments(), s.firstHeard(),
					s.lastHeard()))
			.toList());
	}

	/** Any other path under the API is a problem-details 404, not the HTML error page. */
	@Hidden
	@GetMapping("/**")
	void unknown() {
		throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such API resource");
	}

	private static Instant since(String since) {
		if (since == null || since.isBlank()) {
			return null;
		}
		var text = since.strip();
		Instant instant;
		try {
			instant = (text.length() == 10) ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
					: Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"since must be an ISO 8601 instant (2025-06-01T00:00:00Z) or date (2025-06-01)");
		}
		// Java reads years PostgreSQL's timestamptz cannot hold (4713 BC to 294276 AD)
		if (instant.isBefore(EARLIEST_SINCE) || instant.isAfter(LATEST_SINCE)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
					"since must be between the years 1 and 9999, e.g. 2025-06-01T00:00:00Z");
		}
		return instant;
	}

	private static ApiModels.Audio audio(EpisodeSummary row) {
		return (row.audioUrl() != null) ? new ApiModels.Audio(row.audioUrl(), row.audioType(), row.audioLength())
				: null;
	}

	/** The episode's page: under its show in a library (several visible shows). */
	private static String page(EpisodeSummary row, Map<Long, ApiModels.ShowRef> names) {
		var show = (names.size() > 1) ? names.get(row.podcastId()) : null;
		return EpisodePaths.page((show != null) ? show.slug() : null, row.slug());
	}

	private ApiModels.Links links(EpisodeSummary row, Map<Long, ApiModels.ShowRef> names) {
		var page = page(row, names);
		boolean transcript = row.segmentCount() > 0;
		return new ApiModels.Links(absolute(page), absolute("/api/v1" + EpisodePaths.page(row.slug())),
				transcript ? absolute(page + "/transcript") : null,
				transcript ? absolute(page + "/transcript.vtt") : null,
				transcript ? absolute(page + "/transcript.srt") : null,
				transcript ? absolute(page + "/transcript.json") : null,
				transcript ? absolute(page + "/transcript.txt") : null,
				(row.chapterCount() > 0) ? absolute(page + "/chapters.json") : null);
	}

	private List<ApiModels.Segment> segments(long episodeId) {
		return this.catalog.segments(episodeId)
			.stream()
			.map((s) -> new ApiModels.Segment(s.position(), s.startSeconds(), s.speaker(), s.text()))
			.toList();
	}

	private List<ApiModels.Person> persons(long episodeId) {
		return this.catalog.persons(episodeId)
			.stream()
			.map((p) -> new ApiModels.Person(p.name(), p.role(), p.group(), p.img(), p.href()))
			.toList();
	}

	private List<ApiModels.AlternateEnclosure> alternates(long episodeId) {
		return this.catalog.alternates(List.of(episodeId))
			.getOrDefault(episodeId, List.of())
			.stream()
			.map((a) -> new ApiModels.AlternateEnclosure(a.type(), a.length(), a.bitrate(), a.height(), a.lang(),
					a.title(), a.rel(), a.codecs(), a.isDefault(),
					a.sources().stream().map((s) -> new ApiModels.Source(s.uri(), s.contentType())).toList()))
			.toList();
	}

	/** Every visible show as episodes name it, by id. */
	private Map<Long, ApiModels.ShowRef> showRefs() {
		var refs = new HashMap<Long, ApiModels.ShowRef>();
		this.shows.visible().forEach((s) -> refs.put(s.id(), new ApiModels.ShowRef(s.slug(), s.title())));
		return refs;
	}

	String absolute(String path) {
		return this.publicUrl.of(path);
	}

}
