package ai.interconnects.archive.search;

import java.text.BreakIterator;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ai.interconnects.archive.search.meaning.MeaningSearch;

import org.springframework.stereotype.Component;

/**
 * One page of hybrid results: the page's episodes in fused order, each with its best
 * moments by the same fused score, drawn from the moments that hold query words and the
 * moments closest in meaning. A moment found by meaning alone shows the start of its
 * text, unmarked: no word of the query is in it.
 */
@Component
class HybridPage {

	/** Moments closest in meaning considered under each episode. */
	static final int MEANING_MOMENTS = 8;

	/** A moment found by meaning shows about this many words of its text. */
	static final int EXCERPT_WORDS = 30;

	private final HybridMoments moments;

	private final WordMoments wordMoments;

	private final ShowNotesParagraphs notes;

	private final MeaningSearch meaning;

	private final ShowScope shows;

	private final SearchHalves halves;

	HybridPage(HybridMoments moments, WordMoments wordMoments, ShowNotesParagraphs notes, MeaningSearch meaning,
			ShowScope shows, SearchHalves halves) {
		this.wordMoments = wordMoments;
		this.notes = notes;
		this.shows = shows;
		this.halves = halves;
		this.moments = moments;
		this.meaning = meaning;
	}

	Map<Long, OffsetDateTime> dates(Collection<Long> ids) {
		var dates = new HashMap<Long, OffsetDateTime>();
		this.moments.episodes(ids).forEach((id, info) -> dates.put(id, info.publishedAt()));
		return dates;
	}

	/**
	 * A moment under an episode: its BM25 over the best word moment's on the page (0 when
	 * it holds no query word) and its similarity (NaN without a vector).
	 */
	record Candidate(MomentKind kind, int position, double words, double similarity) {
	}

	/**
	 * The moments of the given episodes that the fusion chooses from, with the notes
	 * paragraphs' texts ({@code notes}, by {@link ShowNotesParagraphs#key}) and each
	 * episode's number of moments holding query words ({@code wordCounts}).
	 */
	record Moments(Map<Long, List<Candidate>> candidates, Map<String, String> notes, Map<Long, Long> wordCounts) {
	}

	Moments moments(HybridSearch.Query query, List<Long> episodeIds) {
		var request = query.request();
		// each episode's moments closest in meaning are found by a helper thread while
		// this one waits for the database's moments with query words
		var closest = this.halves.start(() -> {
			var hits = new HashMap<Long, List<MeaningSearch.MomentHit>>();
			for (var id : episodeIds) {
				hits.put(id, this.meaning.bestInEpisode(query.vector(), id, query.filter(), MEANING_MOMENTS));
			}
			return hits;
		});
		var paragraphs = (request.speaker() != null) ? List.<ShowNotesParagraphs.Paragraph>of()
				: this.notes.of(episodeIds);
		var words = this.wordMoments.find(request, episodeIds, query.lexemes(), query.ranking(), paragraphs);
		var weights = WordShares.weights(query.lexemes(), query.ranking());
		double top = 0;
		for (var moment : words) {
			top = Math.max(top, moment.relevance());
		}
		var meaningHits = closest.join();
		var all = new HashMap<Long, List<Candidate>>();
		var wordCounts = new HashMap<Long, Long>();
		for (var id : episodeIds) {
			var candidates = new LinkedHashMap<String, Candidate>();
			for (var moment : words) {
				if (moment.episodeId() == id) {
					wordCounts.put(id, moment.moments());
					double similarity = this.meaning.similarity(query.vector(), id, meaningKind(moment.kind()),
							moment.position());
					// a moment holding some of the words counts less than one holding
					// them all
					double share = WordShares.share(weights, moment.present());
					candidates.put(moment.kind() + ":" + moment.position(), new Candidate(moment.kind(),
							moment.position(), (top > 0) ? moment.relevance() / top * share * share : 0, similarity));
				}
			}
			for (var hit : meaningHits.get(id)) {
				var kind = MomentKind.valueOf(hit.kind().name());
				candidates.putIfAbsent(kind + ":" + hit.position(),
						new Candidate(kind, hit.position(), 0, hit.similarity()));
			}
			all.put(id, new ArrayList<>(candidates.values()));
		}
		return new Moments(all, ShowNotesParagraphs.texts(paragraphs), wordCounts);
	}

	/** The episode's best {@code perEpisode} moments by the fused score. */
	static List<Candidate> choose(List<Candidate> candidates, double alpha, Fusion fusion, int perEpisode) {
		return candidates.stream()
			.sorted((a, b) -> Double.compare(fused(alpha, fusion, b), fused(alpha, fusion, a)))
			.limit(perEpisode)
			.toList();
	}

	private static double fused(double alpha, Fusion fusion, Candidate candidate) {
		return fusion.score(alpha, candidate.words(), fusion.meaning(candidate.similarity()));
	}

	SearchResults page(HybridSearch.Query query, List<HybridSearch.Ranked> ranked, Fusion fusion, int pageSize,
			int perEpisode) {
		var request = query.request();
		if (ranked.isEmpty()) {
			return SearchResults.hybrid(request, List.of(), SearchResults.Counts.NONE, 1, 1,
					query.analyzed().ignoredWords());
		}
		int pageCount = (ranked.size() + pageSize - 1) / pageSize;
		int page = Math.min(request.page(), pageCount);
		var pageIds = ranked.subList((page - 1) * pageSize, Math.min(ranked.size(), page * pageSize))
			.stream()
			.map(HybridSearch.Ranked::episodeId)
			.toList();
		var moments = moments(query, pageIds);
		double alpha = query.alpha(fusion);
		var shown = new ArrayList<HybridMoments.Shown>();
		var counts = new HashMap<Long, Long>();
		for (var id : pageIds) {
			var candidates = moments.candidates().get(id);
			long meaningOnly = candidates.stream()
				.filter((c) -> c.words() == 0 && fusion.meaning(c.similarity()) > 0)
				.count();
			counts.put(id, moments.wordCounts().getOrDefault(id, 0L) + meaningOnly);
			choose(candidates, alpha, fusion, perEpisode)
				.forEach((c) -> shown.add(new HybridMoments.Shown(id, c.kind(), c.position(), c.words() > 0)));
		}
		var rows = this.moments.shown(shown, query.lexemes(), moments.notes());
		var info = this.moments.episodes(pageIds);
		var names = this.shows.names();
		var episodes = new ArrayList<SearchResults.EpisodeResult>();
		long total = 0;
		for (var id : pageIds) {
			var episode = info.get(id);
			var best = new ArrayList<SearchResults.Moment>();
			for (var moment : shown) {
				var row = rows.get(moment);
				if (moment.episodeId() == id && row != null) {
					best.add(ResultEpisodes.moment(episode.slug(), ResultEpisodes.showSlug(names, episode.showId()),
							row(moment, row, counts.get(id)),
							moment.words() ? SearchResults.Match.WORDS : SearchResults.Match.MEANING));
				}
			}
			total += counts.get(id);
			episodes.add(new SearchResults.EpisodeResult(episode.slug(), episode.title(),
					HybridSearch.date(episode.publishedAt()), counts.get(id), best, names.get(episode.showId())));
		}
		return SearchResults.hybrid(request, episodes, new SearchResults.Counts(total, true, ranked.size(), true), page,
				pageCount, query.analyzed().ignoredWords());
	}

	/**
	 * The row a moment is shown from: found by words, ts_headline's excerpt marked on the
	 * text as written; found by meaning, the start of its text, unmarked.
	 */
	static MomentRepository.MomentRow row(HybridMoments.Shown moment, HybridMoments.ShownRow row, long moments) {
		if (moment.words()) {
			return new MomentRepository.MomentRow(moment.episodeId(), moment.kind(), moment.position(),
					row.startSeconds(), row.earlierStart(), row.speaker(), moments, row.text(), row.headline());
		}
		var excerpt = excerpt(row.text().text());
		return new MomentRepository.MomentRow(moment.episodeId(), moment.kind(), moment.position(), row.startSeconds(),
				row.earlierStart(), row.speaker(), moments, new AnalysedText(excerpt, excerpt), excerpt);
	}

	static ai.interconnects.archive.search.meaning.MomentKind meaningKind(MomentKind kind) {
		return ai.interconnects.archive.search.meaning.MomentKind.valueOf(kind.name());
	}

	/**
	 * The start of a moment's text, about {@link #EXCERPT_WORDS} words, ended at a
	 * sentence end where one comes soon enough.
	 */
	static String excerpt(String text) {
		if (text == null) {
			return "";
		}
		var sentences = BreakIterator.getSentenceInstance(Locale.ENGLISH);
		sentences.setText(text);
		int words = 0;
		int start = sentences.first();
		for (int end = sentences.next(); end != BreakIterator.DONE; start = end, end = sentences.next()) {
			words += text.substring(start, end).strip().split("\\s+").length;
			if (words >= EXCERPT_WORDS) {
				return (words <= 2 * EXCERPT_WORDS) ? text.substring(0, end).strip() : firstWords(text);
			}
		}
		return text.strip();
	}

	private static String firstWords(String text) {
		var words = text.strip().split("\\s+");
		return String.join(" ", java.util.Arrays.copyOfRange(words, 0, Math.min(words.length, 2 * EXCERPT_WORDS)));
	}

}
