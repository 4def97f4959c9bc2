package ai.interconnects.archive.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Full-text search over transcripts, chapter titles, episode titles and show notes (see
 * {@link SearchRepository} for the SQL and README "Search" for the rules).
 */
@Service
public class SearchService {

	private final SearchRepository repository;

	private final RankingRepository rankingRepository;

	private final MatchRepository matchRepository;

	private final MomentRepository momentRepository;

	private final SearchVocabulary vocabulary;

	private final SearchProperties properties;

	SearchService(SearchRepository repository, RankingRepository rankingRepository, MatchRepository matchRepository,
			MomentRepository momentRepository, SearchVocabulary vocabulary, SearchProperties properties) {
		this.repository = repository;
		this.rankingRepository = rankingRepository;
		this.matchRepository = matchRepository;
		this.momentRepository = momentRepository;
		this.vocabulary = vocabulary;
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
	 * Every segment of one episode that matches {@code query} (websearch syntax, as on
	 * the search page), in transcript order, with the whole text escaped and every
	 * matching word marked. For the search box of the transcript page.
	 * <p>
	 * The words to mark are the ones PostgreSQL's {@code ts_headline} marked (so stemming
	 * applies: "model" marks "models"); they are then marked wherever they occur in the
	 * segment, so for a phrase query each of its words is marked even where it stands
	 * outside the phrase. The whole text is kept: ts_headline alone would drop anything
	 * its parser reads as an HTML tag.
	 */
	@Transactional(readOnly = true)
	public List<SegmentMatch> matchesInEpisode(long episodeId, String query) {
		var request = SearchRequest.of(query, null, null, null, null, null, this.properties.maxQueryLength());
		if (request.blank()) {
			return List.of();
		}
		var parsed = this.repository.planForEachQueryAndParse(request.query());
		if (parsed.nodes() == 0 || !parsed.indexable()) {
			return List.of();
		}
		var matches = new ArrayList<SegmentMatch>();
		for (var row : this.momentRepository.segmentsMatching(episodeId, request.query())) {
			matches.add(new SegmentMatch(row.position(), row.startSeconds(),
					Highlights.markAll(row.text(), Highlights.markedWords(row.headline()))));
		}
		return matches;
	}

	List<String> speakers() {
		return this.vocabulary.speakers(this.repository::speakers);
	}

	/**
	 * One page of results; one read-only transaction, so every step sees one snapshot.
	 * The episodes are ranked from the term statistics, then the query's exact form
	 * decides which of them match, in one of three ways: a one-word query without a
	 * speaker filter needs no check (an episode containing the word matches); a query
	 * whose words rarely meet reads the GIN indexes once for every match; otherwise the
	 * candidates are checked in rank order until the page (and one more episode, to know
	 * whether a next page exists) is full, and the episodes not checked are estimated
	 * from the share of checked ones that matched.
	 */
	@Transactional(readOnly = true)
	SearchResults search(SearchRequest request) {
		if (request.blank()) {
			return empty(request, SearchResults.Outcome.EMPTY);
		}
		var parsed = this.repository.planForEachQueryAndParse(request.query());
		if (parsed.nodes() == 0) {
			return empty(request, SearchResults.Outcome.STOP_WORDS_ONLY);
		}
		if (!parsed.indexable()) {
			return empty(request, SearchResults.Outcome.EXCLUSIONS_ONLY);
		}
		var tree = TsqueryParser.parse(parsed.tsquery());
		var lexemes = tree.positiveLexemes();
		var ranking = this.rankingRepository.rank(request, lexemes);
		var candidates = ranking.candidates()
			.stream()
			.filter((candidate) -> tree.mayMatch(lexemes, candidate.units()))
			.toList();
		int pageSize = this.properties.pageSize();
		boolean exact = tree.singleLexeme() && request.speaker() == null;
		Map<Long, Long> everywhere = null;
		if (!exact && estimatedRows(tree, lexemes, candidates) <= INDEX_CHECK_ROWS) {
			// the words rarely meet: one read of the GIN indexes gives every
			// match exactly
			everywhere = this.matchRepository.matchingEverywhere(request);
			exact = true;
		}
		var found = everywhere;
		List<RankingRepository.Candidate> matches;
		if (found != null) {
			matches = candidates.stream().filter((c) -> found.containsKey(c.episodeId())).toList();
		}
		else if (exact) {
			matches = candidates;
		}
		else {
			matches = new ArrayList<>();
		}
		int checked = exact ? candidates.size() : 0;
		int wanted = (int) Math.min((long) request.page() * pageSize + 1, Integer.MAX_VALUE);
		while (matches.size() < wanted && checked < candidates.size()) {
			// most candidates of a specific query match: check a little more than needed,
			// then twice as many each round
			int batch = Math.max(wanted - matches.size() + pageSize, checked);
			var next = candidates.subList(checked, Math.min(candidates.size(), checked + batch));
			var ok = this.matchRepository.matching(request,
					next.stream().map(RankingRepository.Candidate::episodeId).toList());
			next.stream().filter((c) -> ok.contains(c.episodeId())).forEach(matches::add);
			checked += next.size();
		}
		if (matches.isEmpty()) {
			return new SearchResults(request, SearchResults.Outcome.SEARCHED, List.of(), 0, false, 0, false, 1, 1,
					this.vocabulary.suggest(request.query()));
		}
		boolean allChecked = checked == candidates.size();
		long totalEpisodes = allChecked ? matches.size()
				: Math.round(matches.size() + (candidates.size() - checked) * (double) matches.size() / checked);
		int knownPages = (matches.size() + pageSize - 1) / pageSize;
		// not all checked: the page asked for and one more episode were found
		int page = allChecked ? Math.min(request.page(), knownPages) : request.page();
		int pageCount = allChecked ? knownPages
				: (int) Math.max(page + 1L, Math.min(Integer.MAX_VALUE, (totalEpisodes + pageSize - 1) / pageSize));
		var pageMatches = matches.subList((page - 1) * pageSize, Math.min(matches.size(), page * pageSize));
		var pageIds = pageMatches.stream().map(RankingRepository.Candidate::episodeId).toList();
		var pageMoments = this.momentRepository.moments(request, pageIds, this.properties.momentsPerEpisode(), lexemes,
				ranking);
		var episodes = ResultEpisodes.of(pageIds, pageMoments);
		long pageTotal = episodes.stream().mapToLong(SearchResults.EpisodeResult::moments).sum();
		long totalMoments = (found != null) ? found.values().stream().mapToLong(Long::longValue).sum()
				: exact ? candidates.stream().mapToLong((c) -> c.units()[0]).sum() : estimateMoments(tree, lexemes,
						candidates, pageMatches, pageTotal, (double) totalEpisodes / candidates.size());
		return new SearchResults(request, SearchResults.Outcome.SEARCHED, episodes, totalMoments, !exact, totalEpisodes,
				!allChecked, page, pageCount, List.of());
	}

	/**
	 * Below this many segments (an upper bound from the term statistics) the exact check
	 * reads the GIN indexes once for the whole archive; above it, candidates are checked
	 * one by one in rank order, which stops early because common words meet often.
	 */
	static final long INDEX_CHECK_ROWS = 20_000;

	private static long estimatedRows(QueryTree tree, List<String> lexemes,
			List<RankingRepository.Candidate> candidates) {
		long rows = 0;
		for (var candidate : candidates) {
			rows += (long) guess(tree, lexemes, candidate);
			if (rows > INDEX_CHECK_ROWS) {
				break;
			}
		}
		return rows;
	}

	/**
	 * The matching moments of all candidates, estimated: each episode's guess from its
	 * per-word counts (the fewest of the words it must have together, see
	 * {@link QueryTree#estimateMoments}), scaled by how the guess compares with the exact
	 * count on the page shown and by the share of candidates that match.
	 */
	private static long estimateMoments(QueryTree tree, List<String> lexemes,
			List<RankingRepository.Candidate> candidates, List<RankingRepository.Candidate> page, long pageExact,
			double matchShare) {
		double pageGuess = 0;
		for (var candidate : page) {
			pageGuess += guess(tree, lexemes, candidate);
		}
		double all = 0;
		for (var candidate : candidates) {
			all += guess(tree, lexemes, candidate);
		}
		double calibration = (pageGuess > 0) ? pageExact / pageGuess : 1;
		return Math.max(pageExact, Math.round(all * calibration * Math.min(1, matchShare)));
	}

	private static double guess(QueryTree tree, List<String> lexemes, RankingRepository.Candidate candidate) {
		long guess = tree.estimateMoments(lexemes, candidate.units());
		if (guess == Long.MAX_VALUE) {
			guess = 0;
			for (int units : candidate.units()) {
				guess = Math.max(guess, units);
			}
		}
		return guess;
	}

	private SearchResults empty(SearchRequest request, SearchResults.Outcome outcome) {
		return new SearchResults(request, outcome, List.of(), 0, false, 0, false, 1, 1, List.of());
	}

}
