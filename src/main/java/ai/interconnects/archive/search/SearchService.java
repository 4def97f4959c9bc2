package ai.interconnects.archive.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.interconnects.archive.search.meaning.MeaningSearch;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Full-text search over transcripts, chapter titles, episode titles and show notes (see
 * {@link SearchRepository} for the steps and README "Search" for the rules), and the
 * transcript page's find bar, both through one {@link QueryAnalysis}.
 */
@Service
public class SearchService {

	private final QueryAnalysis analysis;

	private final SearchRepository repository;

	private final RankingRepository rankingRepository;

	private final EpisodeMatcher matcher;

	private final MomentRepository momentRepository;

	private final SearchVocabulary vocabulary;

	private final Suggestions suggestions;

	private final SearchProperties properties;

	private final HybridSearch hybrid;

	private final MeaningSearch meaning;

	private final ShowScope shows;

	SearchService(QueryAnalysis analysis, SearchRepository repository, RankingRepository rankingRepository,
			EpisodeMatcher matcher, MomentRepository momentRepository, SearchVocabulary vocabulary,
			Suggestions suggestions, SearchProperties properties, HybridSearch hybrid, MeaningSearch meaning,
			ShowScope shows) {
		this.shows = shows;
		this.hybrid = hybrid;
		this.meaning = meaning;
		this.analysis = analysis;
		this.repository = repository;
		this.rankingRepository = rankingRepository;
		this.matcher = matcher;
		this.momentRepository = momentRepository;
		this.vocabulary = vocabulary;
		this.suggestions = suggestions;
		this.properties = properties;
	}

	/**
	 * The longest query, in characters (code points): longer ones are cut, here and on
	 * the transcript page ({@code archive.search.max-query-length}).
	 */
	public int maxQueryLength() {
		return this.properties.maxQueryLength();
	}

	/**
	 * What the transcript page's find bar shows for {@code query} (websearch syntax, as
	 * on the search page) in one episode: every matching segment, in transcript order,
	 * with the whole text escaped and every matching word marked, or why nothing is
	 * marked.
	 * <p>
	 * The words to mark are the ones PostgreSQL's {@code ts_headline} marked in the
	 * analysed text (so stemming and the name rules apply: "model" marks "models",
	 * "GPT-5.4" marks "gpt5.4"); they are then marked wherever they occur in the segment,
	 * so for a phrase query each of its words is marked even where it stands outside the
	 * phrase, and mapped back onto the text as written ({@link AnalysedText}).
	 */
	@Transactional(readOnly = true)
	public FindResult findInEpisode(long episodeId, String query) {
		var request = SearchRequest.of(query, null, null, null, null, null, this.properties.maxQueryLength());
		if (request.blank()) {
			return FindResult.NONE;
		}
		var analyzed = this.analysis.analyze(request.query());
		if (!analyzed.searchable()) {
			return new FindResult(List.of(), analyzed.ignoredWords(), analyzed.stopWordsOnly(), List.of());
		}
		var matches = new ArrayList<SegmentMatch>();
		for (var row : this.momentRepository.segmentsMatching(episodeId, analyzed)) {
			matches.add(new SegmentMatch(row.position(), row.startSeconds(),
					row.text().markAll(Highlights.markedWords(row.headline()))));
		}
		var suggested = matches.isEmpty()
				? this.suggestions.suggest(request.query()).stream().map(Suggestions.Suggestion::query).toList()
				: List.<String>of();
		return new FindResult(matches, analyzed.ignoredWords(), false, suggested);
	}

	/**
	 * Every matching segment of one episode, as {@link #findInEpisode}.
	 */
	@Transactional(readOnly = true)
	public List<SegmentMatch> matchesInEpisode(long episodeId, String query) {
		return findInEpisode(episodeId, query).matches();
	}

	List<String> speakers() {
		return this.vocabulary.speakers(this.repository::speakers);
	}

	/**
	 * One page of results; one read-only transaction, so every step sees one snapshot.
	 * The query is analysed once; the episodes are ranked from the term statistics
	 * ({@link RankingRepository}), {@link EpisodeMatcher} decides which of them match the
	 * query's exact form, and {@link MomentRepository} reads the page's moments. When the
	 * query as typed matches nothing, its {@link Suggestions#nameVariant name variant} is
	 * searched and shown "for" it; else whole corrected queries are suggested.
	 */
	@Transactional(readOnly = true)
	SearchResults search(SearchRequest asked) {
		var names = this.shows.names();
		var request = ShowScope.resolve(asked, names);
		if (request.blank()) {
			return SearchResults.blank(request);
		}
		var query = this.analysis.analyze(request.query());
		if (query.stopWordsOnly()) {
			return SearchResults.stopWordsOnly(request, query.ignoredWords());
		}
		if (!query.indexable()) {
			return SearchResults.exclusionsOnly(request);
		}
		if (request.mode() == SearchMode.HYBRID && request.plain()) {
			var hybridResults = this.hybrid.search(request, query, Fusion.DEFAULT, this.properties.pageSize(),
					this.properties.momentsPerEpisode());
			if (hybridResults.isPresent()) {
				return (names.size() > 1) ? hybridResults.get().withShows(facets(request, query, null, null, names))
						: hybridResults.get();
			}
			var status = this.meaning.status();
			if (status.reason() != null && status.enabled()) {
				request = request.withNotice("Search by meaning is " + (status.pending() ? "not ready yet" : "off here")
						+ " (" + status.reason() + "): these results match your words.");
			}
		}
		var found = page(request, query, names);
		if (found != null) {
			return found;
		}
		var variant = this.suggestions.nameVariant(request.query());
		if (!variant.equals(request.query())) {
			var analyzed = this.analysis.analyze(variant);
			var results = analyzed.searchable() ? page(request, analyzed, names) : null;
			if (results != null) {
				return results.showingResultsFor(variant);
			}
		}
		var none = SearchResults.noMatch(request, query.ignoredWords(), this.suggestions.suggest(request.query()));
		if (names.size() > 1 && !request.showIds().isEmpty()) {
			// nothing in the chosen shows: the facet says which other shows match
			var facets = facets(request, query, null, null, names);
			if (facets.stream().anyMatch((f) -> f.episodes() > 0)) {
				return none.withShows(facets);
			}
		}
		return none;
	}

	/** The page asked for of the matches of {@code query}, or null when none match. */
	private SearchResults page(SearchRequest request, QueryAnalysis.Analyzed query,
			Map<Long, SearchResults.ShowName> names) {
		var tree = query.tree();
		var lexemes = tree.positiveLexemes();
		// ranked over every show (the facet needs them all), then narrowed to the filter
		var all = this.rankingRepository.rank(request.everyShow(), lexemes);
		var ranking = all.inShows(request.showIds());
		int pageSize = this.properties.pageSize();
		int wanted = (int) Math.min((long) request.page() * pageSize + 1, Integer.MAX_VALUE);
		var matches = this.matcher.match(request, query, tree, lexemes, ranking, wanted, pageSize);
		var matched = matches.matched();
		if (matched.isEmpty()) {
			return null;
		}
		long totalEpisodes = matches.episodes();
		int knownPages = (matched.size() + pageSize - 1) / pageSize;
		// not all checked: the page asked for and one more episode were found
		int page = matches.allChecked() ? Math.min(request.page(), knownPages) : request.page();
		int pageCount = matches.allChecked() ? knownPages
				: (int) Math.max(page + 1L, Math.min(Integer.MAX_VALUE, (totalEpisodes + pageSize - 1) / pageSize));
		var pageMatches = matched.subList((page - 1) * pageSize, Math.min(matched.size(), page * pageSize));
		var pageIds = pageMatches.stream().map(RankingRepository.Candidate::episodeId).toList();
		var pageMoments = this.momentRepository.moments(request, query, pageIds, this.properties.momentsPerEpisode(),
				lexemes, ranking);
		var episodes = ResultEpisodes.of(pageIds, pageMoments, names);
		long pageTotal = episodes.stream().mapToLong(SearchResults.EpisodeResult::moments).sum();
		var counts = new SearchResults.Counts(matches.moments(pageMatches, pageTotal), !matches.exact(), totalEpisodes,
				!matches.allChecked());
		var results = SearchResults.found(request, episodes, counts, page, pageCount, query.ignoredWords());
		return (names.size() > 1) ? results.withShows(facets(request, query, all, matches, names)) : results;
	}

	/**
	 * The "Shows" facet: the matches of the request without its show filter, by the rule
	 * of the first page's total; {@code all} and {@code matches} are reused when they
	 * already are that (null: ranked and matched here).
	 */
	private List<ShowFacets.Facet> facets(SearchRequest request, QueryAnalysis.Analyzed query,
			RankingRepository.Ranking all, EpisodeMatcher.Matches matches, Map<Long, SearchResults.ShowName> names) {
		if (matches != null && request.showIds().isEmpty()) {
			return ShowFacets.of(matches, names, request.showIds());
		}
		var every = request.everyShow();
		var tree = query.tree();
		var lexemes = tree.positiveLexemes();
		var ranking = (all != null) ? all : this.rankingRepository.rank(every.withSort(SearchSort.RELEVANCE), lexemes);
		int pageSize = this.properties.pageSize();
		return ShowFacets.of(this.matcher.match(every, query, tree, lexemes, ranking, pageSize + 1, pageSize), names,
				request.showIds());
	}

}
