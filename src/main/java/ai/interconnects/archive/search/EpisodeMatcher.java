package ai.interconnects.archive.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * Step two of a search, the matching strategy: which of the ranked candidates match the
 * query's exact form, found in one of three ways. A one-word query without a speaker
 * filter needs no check (an episode containing the word matches); a query whose words
 * rarely meet reads the GIN indexes once for every match; otherwise the candidates are
 * checked in rank order until the page (and one more episode, to know whether a next page
 * exists) is full, and the episodes not checked are estimated from the share of checked
 * ones that matched.
 */
@Component
class EpisodeMatcher {

	/**
	 * Below this many segments (an upper bound from the term statistics) the exact check
	 * reads the GIN indexes once for the whole archive; above it, candidates are checked
	 * one by one in rank order, which stops early because common words meet often.
	 */
	static final long INDEX_CHECK_ROWS = 20_000;

	/**
	 * A search narrowed to some shows whose words rarely meet there but often elsewhere:
	 * up to this many candidates are counted through their own rows, since the GIN read
	 * would go through the whole library's matches (about 3 µs a segment: 100 episodes of
	 * 400 segments take about 120 ms, where one common phrase's GIN read over 2 M
	 * segments took 540 ms).
	 */
	static final int AMONG_CHECK_EPISODES = 100;

	private final MatchRepository repository;

	EpisodeMatcher(MatchRepository repository) {
		this.repository = repository;
	}

	/**
	 * What the check found.
	 *
	 * @param candidates every episode that may match, in result order
	 * @param matched the candidates checked and found matching, in result order
	 * @param checked how many candidates (from the first) were checked
	 * @param exact whether {@code candidates} needed no check (one word, or the GIN read)
	 * @param everywhere every match's moment count from the GIN read, or null
	 */
	record Matches(QueryTree tree, List<String> lexemes, List<RankingRepository.Candidate> candidates,
			List<RankingRepository.Candidate> matched, int checked, boolean exact, Map<Long, Long> everywhere) {

		boolean allChecked() {
			return this.checked == this.candidates.size();
		}

		/** Exact when every candidate was checked, else extrapolated from the share. */
		long episodes() {
			return allChecked() ? this.matched.size() : Math.round(this.matched.size()
					+ (this.candidates.size() - this.checked) * (double) this.matched.size() / this.checked);
		}

		/**
		 * Exact from the GIN read or for one word; otherwise each episode's guess from
		 * its per-word counts (the fewest of the words it must have together, see
		 * {@link QueryTree#estimateMoments}), scaled by how the guess compares with the
		 * exact count on the page shown and by the share of candidates that match.
		 */
		long moments(List<RankingRepository.Candidate> page, long pageExact) {
			if (this.everywhere != null) {
				return this.everywhere.values().stream().mapToLong(Long::longValue).sum();
			}
			if (this.exact) {
				return this.candidates.stream().mapToLong((c) -> c.units()[0]).sum();
			}
			double pageGuess = 0;
			for (var candidate : page) {
				pageGuess += guess(candidate);
			}
			double all = 0;
			for (var candidate : this.candidates) {
				all += guess(candidate);
			}
			double calibration = (pageGuess > 0) ? pageExact / pageGuess : 1;
			double share = (double) episodes() / this.candidates.size();
			return Math.max(pageExact, Math.round(all * calibration * Math.min(1, share)));
		}

		private double guess(RankingRepository.Candidate candidate) {
			return EpisodeMatcher.guess(this.tree, this.lexemes, candidate);
		}

	}

	/**
	 * Finds at least {@code wanted} matches in rank order, when there are as many,
	 * checking in batches of about {@code pageSize}.
	 */
	Matches match(SearchRequest request, QueryAnalysis.Analyzed query, QueryTree tree, List<String> lexemes,
			RankingRepository.Ranking ranking, int wanted, int pageSize) {
		var candidates = ranking.candidates()
			.stream()
			.filter((candidate) -> tree.mayMatch(lexemes, candidate.units()))
			.toList();
		if (tree.singleLexeme() && request.speaker() == null) {
			return new Matches(tree, lexemes, candidates, candidates, candidates.size(), true, null);
		}
		// the words rarely meet here: counting every match gives exact totals
		var everywhere = everyMatchIfRare(request, query, tree, lexemes, ranking, candidates);
		if (everywhere != null) {
			var matched = candidates.stream().filter((c) -> everywhere.containsKey(c.episodeId())).toList();
			return new Matches(tree, lexemes, candidates, matched, candidates.size(), true, everywhere);
		}
		var matched = new ArrayList<RankingRepository.Candidate>();
		int checked = 0;
		while (matched.size() < wanted && checked < candidates.size()) {
			// most candidates of a specific query match: check a little more than needed,
			// then twice as many each round
			int batch = Math.max(wanted - matched.size() + pageSize, checked);
			var next = candidates.subList(checked, Math.min(candidates.size(), checked + batch));
			var ok = this.repository.matching(request, query,
					next.stream().map(RankingRepository.Candidate::episodeId).toList());
			next.stream().filter((c) -> ok.contains(c.episodeId())).forEach(matched::add);
			checked += next.size();
		}
		return new Matches(tree, lexemes, candidates, matched, checked, false, null);
	}

	/**
	 * Which of {@code among} (candidates of {@code ranking}) match the query exactly, the
	 * cheapest of the same three ways: no check for one word, one read of the GIN indexes
	 * when the words rarely meet anywhere, else each episode's own rows.
	 */
	Set<Long> exactAmong(SearchRequest request, QueryAnalysis.Analyzed query, RankingRepository.Ranking ranking,
			List<RankingRepository.Candidate> among) {
		var tree = query.tree();
		var lexemes = tree.positiveLexemes();
		var ids = among.stream()
			.filter((c) -> tree.mayMatch(lexemes, c.units()))
			.map(RankingRepository.Candidate::episodeId)
			.toList();
		if (ids.isEmpty() || (tree.singleLexeme() && request.speaker() == null)) {
			return Set.copyOf(ids);
		}
		var candidates = ranking.candidates().stream().filter((c) -> tree.mayMatch(lexemes, c.units())).toList();
		var everywhere = everyMatchIfRare(request, query, tree, lexemes, ranking, candidates);
		if (everywhere != null) {
			return ids.stream().filter(everywhere::containsKey).collect(Collectors.toSet());
		}
		return this.repository.matching(request, query, ids);
	}

	/**
	 * Every match's moments per episode when the words rarely meet (the candidates that
	 * may match hold at most {@link #INDEX_CHECK_ROWS} segments by the statistics), else
	 * null.
	 */
	private Map<Long, Long> everyMatchIfRare(SearchRequest request, QueryAnalysis.Analyzed query, QueryTree tree,
			List<String> lexemes, RankingRepository.Ranking ranking, List<RankingRepository.Candidate> candidates) {
		return (estimatedRows(tree, lexemes, candidates) <= INDEX_CHECK_ROWS)
				? everyMatch(request, query, tree, lexemes, ranking, candidates) : null;
	}

	/**
	 * Every match's moments per episode, or null when counting them all is not cheap: one
	 * read of the GIN indexes, which go through every show's matches, or, narrowed to
	 * shows where the words meet more often elsewhere, the few candidates' own rows.
	 */
	private Map<Long, Long> everyMatch(SearchRequest request, QueryAnalysis.Analyzed query, QueryTree tree,
			List<String> lexemes, RankingRepository.Ranking ranking, List<RankingRepository.Candidate> candidates) {
		if (!ranking.narrowed() || estimatedRows(tree, lexemes,
				ranking.unnarrowed()
					.stream()
					.filter((c) -> tree.mayMatch(lexemes, c.units()))
					.toList()) <= INDEX_CHECK_ROWS) {
			return this.repository.matchingEverywhere(request, query);
		}
		if (candidates.size() <= AMONG_CHECK_EPISODES) {
			return this.repository.matchingAmong(request, query,
					candidates.stream().map(RankingRepository.Candidate::episodeId).toList());
		}
		return null;
	}

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

}
