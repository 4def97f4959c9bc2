package ai.interconnects.archive.search;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import ai.interconnects.archive.search.meaning.MeaningFilter;
import ai.interconnects.archive.search.meaning.MeaningSearch;
import ai.interconnects.archive.search.meaning.ScanHelp;

import org.springframework.stereotype.Component;

/**
 * The hybrid ranking of a plain-language query (README "Search by meaning"): the episodes
 * that contain query words (BM25, {@link RankingRepository}) and those whose moments are
 * closest in meaning ({@link MeaningSearch}) are ranked together by {@link Fusion}; under
 * each, its best moments by the same fused score ({@link HybridPage}).
 */
@Component
class HybridSearch {

	private final MeaningSearch meaning;

	private final RankingRepository ranking;

	private final EpisodeMatcher matcher;

	private final HybridPage pages;

	private final ShowScope shows;

	private final SearchHalves halves;

	HybridSearch(MeaningSearch meaning, RankingRepository ranking, EpisodeMatcher matcher, HybridPage pages,
			ShowScope shows, SearchHalves halves) {
		this.shows = shows;
		this.halves = halves;
		this.meaning = meaning;
		this.ranking = ranking;
		this.matcher = matcher;
		this.pages = pages;
	}

	/**
	 * The query as both halves see it, and what the fusion's weight depends on: whether
	 * some moment holds all the query's words, and the largest share of them one episode
	 * holds ({@link #coverage}).
	 */
	record Query(SearchRequest request, QueryAnalysis.Analyzed analyzed, List<String> lexemes,
			MeaningSearch.MeaningQuery vector, MeaningFilter filter, RankingRepository.Ranking ranking,
			boolean allWordsMeet, double coverage) {

		double alpha(Fusion fusion) {
			return fusion.alpha(this.allWordsMeet, this.coverage);
		}

	}

	/**
	 * An episode to rank: its BM25 over the best candidate's and its best moment's
	 * similarity (NaN when not consulted); the score once ranked.
	 */
	record Ranked(long episodeId, double score, double words, double similarity, OffsetDateTime publishedAt) {

		Ranked scored(double score) {
			return new Ranked(this.episodeId, score, this.words, this.similarity, this.publishedAt);
		}

	}

	/** What both halves found for a query, before the fusion ranks it. */
	record Evidence(Query query, List<Ranked> episodes) {
	}

	/**
	 * The results, or empty when search by meaning cannot answer now (the caller then
	 * searches by words and says why).
	 */
	Optional<SearchResults> search(SearchRequest request, QueryAnalysis.Analyzed analyzed, Fusion fusion, int pageSize,
			int momentsPerEpisode) {
		int wanted = (int) Math.min((long) request.page() * pageSize + 1, Integer.MAX_VALUE / 4);
		return evidence(request, analyzed, fusion, wanted).map((evidence) -> this.pages.page(evidence.query(),
				order(evidence, fusion), fusion, pageSize, momentsPerEpisode));
	}

	/**
	 * The episodes both halves found: the first {@code fusion.wordEpisodes()} (at least
	 * three times {@code wanted}) by words and those of the
	 * {@code fusion.meaningMoments()} moments closest in meaning, each with its words and
	 * meaning scores; then the other episodes with query words, whose meaning is not
	 * consulted. Empty when search by meaning cannot answer now.
	 */
	Optional<Evidence> evidence(SearchRequest request, QueryAnalysis.Analyzed analyzed, Fusion fusion, int wanted) {
		if (!this.meaning.answers()) {
			return Optional.empty();
		}
		var lexemes = analyzed.tree().positiveLexemes();
		// both halves see the shows of the filter: the words half by its SQL, the meaning
		// half by the episodes of those shows
		var filter = new MeaningFilter(instant(SearchFilters.dateParams(request).get("from")),
				instant(SearchFilters.dateParams(request).get("to")), request.speaker(),
				this.shows.episodes(request.showIds()));
		// the meaning half computes while this thread waits for the database; once the
		// words half is done this thread takes parts of the scan too
		var help = new ScanHelp();
		var meaningHalf = this.halves.start(() -> this.meaning.query(request.query())
			.map((vector) -> new Nearest(vector, this.meaning.nearest(vector, filter, fusion.meaningMoments(), help))));
		var words = lexemes.isEmpty() ? new RankingRepository.Ranking(List.of(), Map.of(), Map.of())
				: this.ranking.rank(request.withSort(SearchSort.RELEVANCE), lexemes);
		var byWords = words.candidates()
			.subList(0, Math.min(words.candidates().size(), Math.max(fusion.wordEpisodes(), 3 * wanted)));
		var exact = this.matcher.exactAmong(request, analyzed, words, byWords);
		help.help();
		var nearest = meaningHalf.join();
		if (nearest.isEmpty()) {
			return Optional.empty();
		}
		var query = new Query(request, analyzed, lexemes, nearest.get().vector(), filter, words, !exact.isEmpty(),
				WordShares.coverage(lexemes, words, byWords));
		return Optional.of(new Evidence(query, rank(query, byWords, nearest.get().hits(), exact)));
	}

	/** The meaning half's answer: the query's vector and the moments closest to it. */
	private record Nearest(MeaningSearch.MeaningQuery vector, List<MeaningSearch.MomentHit> hits) {
	}

	/** The episodes scored by the fusion, in result order. */
	static List<Ranked> order(Evidence evidence, Fusion fusion) {
		double alpha = evidence.query().alpha(fusion);
		var ranked = new ArrayList<Ranked>();
		for (var episode : evidence.episodes()) {
			ranked.add(episode.scored(fusion.score(alpha, episode.words(), fusion.meaning(episode.similarity()))));
		}
		Comparator<Ranked> order = (evidence.query().request().sort() == SearchSort.NEWEST)
				? Comparator.comparing(Ranked::publishedAt,
						Comparator.nullsFirst(Comparator.<OffsetDateTime>naturalOrder()))
				: Comparator.comparingDouble(Ranked::score)
					.thenComparing(Ranked::publishedAt, Comparator.nullsFirst(Comparator.naturalOrder()));
		ranked.sort(order.thenComparingLong(Ranked::episodeId).reversed());
		return ranked;
	}

	/**
	 * W(e): the episode's BM25 over the best candidate's, times the square of the share
	 * of the query's words it holds unless some moment of it holds them all (it matches
	 * as keyword search): words scattered over an episode count less than words that
	 * meet.
	 */
	private List<Ranked> rank(Query query, List<RankingRepository.Candidate> byWords,
			List<MeaningSearch.MomentHit> hits, Set<Long> exact) {
		var weights = WordShares.weights(query.lexemes(), query.ranking());
		var best = new HashMap<Long, Double>();
		for (var hit : hits) {
			best.merge(hit.episodeId(), hit.similarity(), Math::max);
		}
		var bm25 = new HashMap<Long, Double>();
		double top = 0;
		for (var candidate : query.ranking().candidates()) {
			double share = exact.contains(candidate.episodeId()) ? 1 : WordShares.share(weights, candidate);
			bm25.put(candidate.episodeId(), candidate.score() * share * share);
			top = Math.max(top, candidate.score());
		}
		var ids = new LinkedHashSet<Long>();
		byWords.forEach((c) -> ids.add(c.episodeId()));
		ids.addAll(best.keySet());
		var consulted = new HashSet<>(ids);
		// beyond the first episodes by words, meaning is not consulted: they follow by
		// words
		query.ranking().candidates().forEach((c) -> ids.add(c.episodeId()));
		// the words half brought its episodes' dates; those found by meaning alone are
		// read
		var dates = new HashMap<Long, OffsetDateTime>();
		query.ranking().candidates().forEach((c) -> dates.put(c.episodeId(), c.publishedAt()));
		dates.putAll(this.pages.dates(ids.stream().filter((id) -> !dates.containsKey(id)).toList()));
		best.putAll(bestSimilarities(query, consulted.stream().filter((id) -> !best.containsKey(id)).toList()));
		var ranked = new ArrayList<Ranked>();
		for (var id : ids) {
			double similarity = consulted.contains(id) ? best.get(id) : Double.NaN;
			double words = (top > 0) ? bm25.getOrDefault(id, 0.0) / top : 0;
			ranked.add(new Ranked(id, 0, words, similarity, dates.get(id)));
		}
		return ranked;
	}

	/**
	 * The best similarity in each episode (NaN without a vector the filter admits): every
	 * moment of each is scored, half of the episodes on a helper thread, since neither
	 * core has anything else to do at this point of a search.
	 */
	private Map<Long, Double> bestSimilarities(Query query, List<Long> episodeIds) {
		int half = episodeIds.size() / 2;
		var second = this.halves.start(() -> bestSimilarity(query, episodeIds.subList(half, episodeIds.size())));
		var best = bestSimilarity(query, episodeIds.subList(0, half));
		best.putAll(second.join());
		return best;
	}

	private Map<Long, Double> bestSimilarity(Query query, List<Long> episodeIds) {
		var similarities = new HashMap<Long, Double>();
		for (var id : episodeIds) {
			var best = this.meaning.bestInEpisode(query.vector(), id, query.filter(), 1);
			similarities.put(id, best.isEmpty() ? Double.NaN : best.get(0).similarity());
		}
		return similarities;
	}

	private static java.time.Instant instant(Object dateParam) {
		return (dateParam instanceof OffsetDateTime time) ? time.toInstant() : null;
	}

	static String date(OffsetDateTime publishedAt) {
		return (publishedAt != null) ? publishedAt.atZoneSameInstant(ZoneOffset.UTC).toLocalDate().toString() : null;
	}

}
