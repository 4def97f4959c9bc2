package ai.interconnects.archive.search;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import ai.interconnects.archive.web.CurrentSite;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code GET /search}. Every parameter is read as a plain string and cleaned by
 * {@link SearchRequest}, so no query string can make the page fail: bad values are
 * ignored with a notice, never a 400 or 500.
 */
@Controller
class SearchController {

	private final SearchService search;

	private final SearchProperties properties;

	private final Timer latency;

	private final MonthsRepository months;

	private final CastRepository cast;

	private final CurrentSite site;

	SearchController(SearchService search, SearchProperties properties, MonthsRepository months, CastRepository cast,
			CurrentSite site, MeterRegistry meters) {
		this.search = search;
		this.properties = properties;
		this.months = months;
		this.cast = cast;
		this.site = site;
		this.latency = Timer.builder("archive.search.latency")
			.description("Time to answer a /search query (database work, before rendering)")
			.publishPercentileHistogram()
			.register(meters);
	}

	@GetMapping("/search")
	String search(@RequestParam(required = false) String q, @RequestParam(required = false) String speaker,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String page,
			@RequestParam(required = false) String mode, @RequestParam(required = false) List<String> show,
			Model model) {
		var speakers = this.search.speakers();
		var asked = SearchForm
			.resolveSpeaker(SearchRequest.of(q, speaker, from, to, sort, page, mode, this.properties.maxQueryLength())
				.withShows(show), speakers);
		var results = this.latency.record(() -> this.search.search(asked));
		// the service may add a notice (search by meaning not ready yet)
		var request = results.request();
		model.addAttribute("results", results);
		model.addAttribute("request", request);
		model.addAttribute("wordsOnlyLink", link(request.withMode(SearchMode.WORDS), request.query(), 1));
		model.addAttribute("hybridLink", link(request.withMode(SearchMode.HYBRID), request.query(), 1));
		model.addAttribute("speakers", speakers);
		var months = this.months.months();
		model.addAttribute("fromOptions", SearchForm.optionsHtml(SearchForm.months(months, request.from(), true)));
		model.addAttribute("toOptions", SearchForm.optionsHtml(SearchForm.months(months, request.to(), false)));
		model.addAttribute("clearFilters", SearchForm.withoutFilters(request));
		model.addAttribute("maxQueryLength", this.properties.maxQueryLength());
		model.addAttribute("entries", ResultMoments.of(results));
		model.addAttribute("titles", ResultMoments.titles(results));
		model.addAttribute("guests", this.cast.guests(
				results.episodes().stream().map(SearchResults.EpisodeResult::slug).toList(), this.site.get().author()));
		if (results.page() > 1) {
			model.addAttribute("previousPage", link(request, request.query(), results.page() - 1));
		}
		if (results.page() < results.pageCount()) {
			model.addAttribute("nextPage", link(request, request.query(), results.page() + 1));
		}
		model.addAttribute("library", !results.shows().isEmpty());
		model.addAttribute("showFacets",
				results.shows()
					.stream()
					.map((f) -> new FacetLink(f.title(), f.episodes(), f.estimated(), f.selected(),
							link(request.withShows(List.of(f.slug())), request.query(), 1)))
					.toList());
		if (!request.shows().isEmpty()) {
			model.addAttribute("everyShowLink", link(request.everyShow(), request.query(), 1));
		}
		model.addAttribute("suggestionLinks",
				results.suggestions()
					.stream()
					.map((s) -> new SuggestionLink(s.query(), link(request, s.query(), 1)))
					.toList());
		return "search";
	}

	record SuggestionLink(String query, String href) {
	}

	/** One show of the "Shows" facet: the same search narrowed to it. */
	record FacetLink(String title, long episodes, boolean estimated, boolean selected, String href) {
	}

	/** A link to the same search with another query or page. */
	static String link(SearchRequest request, String query, int page) {
		var uri = UriComponentsBuilder.fromPath("/search").queryParam("q", query);
		if (request.speaker() != null) {
			uri.queryParam("speaker", request.speaker());
		}
		if (request.from() != null) {
			uri.queryParam("from", request.from());
		}
		if (request.to() != null) {
			uri.queryParam("to", request.to());
		}
		if (request.sort() != SearchSort.RELEVANCE) {
			uri.queryParam("sort", request.sort().param());
		}
		if (request.mode() != SearchMode.HYBRID) {
			uri.queryParam("mode", request.mode().param());
		}
		if (!request.shows().isEmpty()) {
			uri.queryParam("show", String.join(",", request.shows()));
		}
		if (page > 1) {
			uri.queryParam("page", page);
		}
		return uri.encode().build().toUriString();
	}

}
