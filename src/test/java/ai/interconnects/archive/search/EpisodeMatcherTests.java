package ai.interconnects.archive.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the exact check is made, from the term statistics alone: a read of the word indexes
 * when the words rarely meet in the whole library (it goes through every show's matches),
 * each narrowed candidate's own rows when they rarely meet in the shows asked but often
 * elsewhere, and the rank-order check otherwise.
 */
class EpisodeMatcherTests {

	private static final QueryAnalysis.Analyzed PHRASE = new QueryAnalysis.Analyzed("\"open models\"",
			"'open' <-> 'model'", 3, true, List.of());

	private final List<String> calls = new ArrayList<>();

	private final MatchRepository repository = new MatchRepository(null) {

		@Override
		Map<Long, Long> matchingEverywhere(SearchRequest request, QueryAnalysis.Analyzed query) {
			EpisodeMatcherTests.this.calls.add("everywhere");
			// the statement is narrowed to the shows asked, as SearchFilters.dates does
			return everyMatch(LongStream.rangeClosed(1, 210)
				.filter((id) -> request.showIds().isEmpty() || request.showIds().contains((id <= 10) ? 1L : 2L))
				.boxed()
				.toList());
		}

		@Override
		Map<Long, Long> matchingAmong(SearchRequest request, QueryAnalysis.Analyzed query, Collection<Long> ids) {
			EpisodeMatcherTests.this.calls.add("among " + ids.size());
			return everyMatch(ids);
		}

		@Override
		java.util.Set<Long> matching(SearchRequest request, QueryAnalysis.Analyzed query, Collection<Long> ids) {
			EpisodeMatcherTests.this.calls.add("ranked " + ids.size());
			return new java.util.HashSet<>(ids);
		}

	};

	private final EpisodeMatcher matcher = new EpisodeMatcher(this.repository);

	private static Map<Long, Long> everyMatch(Collection<Long> ids) {
		var counts = new HashMap<Long, Long>();
		ids.forEach((id) -> counts.put(id, 2L));
		return counts;
	}

	/**
	 * Show 1 holds episodes 1–10, where the phrase's words meet twice each; show 2 holds
	 * episodes 11–210, where they meet {@code elsewhere} times each.
	 */
	private static RankingRepository.Ranking library(int elsewhere) {
		var candidates = new ArrayList<RankingRepository.Candidate>();
		for (long id = 1; id <= 210; id++) {
			int units = (id <= 10) ? 2 : elsewhere;
			candidates.add(new RankingRepository.Candidate(id, 1000 - id, new int[] { units, units },
					(id <= 10) ? 1 : 2, null));
		}
		return new RankingRepository.Ranking(candidates, Map.of(), Map.of());
	}

	private EpisodeMatcher.Matches match(RankingRepository.Ranking ranking, List<Long> shows) {
		var request = SearchRequest.of(PHRASE.text(), null, null, null, null, "1", "words", 200).withShowIds(shows);
		var tree = PHRASE.tree();
		return this.matcher.match(request, PHRASE, tree, tree.positiveLexemes(), ranking.inShows(shows), 11, 10);
	}

	@Test
	void wordsThatRarelyMeetAnywhereAreReadFromTheWordIndexes() {
		var matches = match(library(50), List.of(1L));

		assertThat(this.calls).containsExactly("everywhere");
		assertThat(matches.matched()).hasSize(10);
		assertThat(matches.moments(List.of(), 0)).isEqualTo(20);
	}

	@Test
	void aShowWhereTheWordsRarelyMeetIsCountedThroughItsOwnRowsWhenTheyMeetOftenElsewhere() {
		var matches = match(library(400), List.of(1L));

		assertThat(this.calls).containsExactly("among 10");
		assertThat(matches.exact()).isTrue();
		assertThat(matches.matched()).extracting(RankingRepository.Candidate::episodeId)
			.containsExactlyElementsOf(LongStream.rangeClosed(1, 10).boxed().toList());
		assertThat(matches.moments(List.of(), 0)).isEqualTo(20);
	}

	@Test
	void theWholeLibraryWhereTheWordsMeetOftenIsCheckedInRankOrder() {
		var matches = match(library(400), List.of());

		assertThat(this.calls).allMatch((call) -> call.startsWith("ranked"));
		assertThat(matches.exact()).isFalse();
	}

}
