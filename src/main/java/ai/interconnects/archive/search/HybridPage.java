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

	private final MeaningSearch meaning;

	HybridPage(HybridMoments moments, MeaningSearch meaning) {
		this.moments = moments;
		this.meaning = meaning;
	}

	Map<Long, OffsetDateTime> dates(Collection<Long> ids) {
		var dates = new HashMap<Long, OffsetDateTime>();
		this.moments.episodes(ids).forEach((id, info) -> dates.put(id, info.publishedAt()));
		return dates;
	}

	private record Candidate(MomentKind kind, int position, double relevance, double similarity) {
	}

	SearchResults page(HybridSearch.Query query, List<HybridSearch.Ranked> ranked, Fusion fusion, int pageSize,
			int perEpisode) {
		var request = query.request();
		if (ranked.isEmpty()) {
			return new SearchResults(request, SearchResults.Outcome.SEARCHED, List.of(), 0, false, 0, false, 1, 1,
					List.of(), SearchMode.HYBRID);
		}
		int pageCount = (ranked.size() + pageSize - 1) / pageSize;
		int page = Math.min(request.page(), pageCount);
		var pageIds = ranked.subList((page - 1) * pageSize, Math.min(ranked.size(), page * pageSize))
			.stream()
			.map(HybridSearch.Ranked::episodeId)
			.toList();
		var byWords = new HashMap<Long, List<HybridMoments.WordMoment>>();
		double top = 0;
		for (var moment : this.moments.wordMoments(request, pageIds, query.lexemes(), query.ranking())) {
			byWords.computeIfAbsent(moment.episodeId(), (id) -> new ArrayList<>()).add(moment);
			top = Math.max(top, moment.relevance());
		}
		var shown = new ArrayList<HybridMoments.Shown>();
		var counts = new HashMap<Long, Long>();
		for (var id : pageIds) {
			var candidates = new LinkedHashMap<String, Candidate>();
			long wordCount = 0;
			for (var moment : byWords.getOrDefault(id, List.of())) {
				wordCount = moment.moments();
				double similarity = this.meaning.similarity(query.vector(), id, meaningKind(moment.kind()),
						moment.position());
				candidates.put(moment.kind() + ":" + moment.position(),
						new Candidate(moment.kind(), moment.position(), moment.relevance(), similarity));
			}
			var close = this.meaning.bestInEpisode(query.vector(), id, query.filter(), MEANING_MOMENTS);
			int meaningOnly = 0;
			for (var hit : close) {
				var kind = MomentKind.valueOf(hit.kind().name());
				var key = kind + ":" + hit.position();
				if (!candidates.containsKey(key)) {
					candidates.put(key, new Candidate(kind, hit.position(), 0, hit.similarity()));
					meaningOnly += (fusion.meaning(hit.similarity()) > 0) ? 1 : 0;
				}
			}
			counts.put(id, wordCount + meaningOnly);
			double scale = top;
			candidates.values()
				.stream()
				.sorted((a, b) -> Double.compare(fused(query, fusion, b, scale), fused(query, fusion, a, scale)))
				.limit(perEpisode)
				.forEach((c) -> shown.add(new HybridMoments.Shown(id, c.kind(), c.position(), c.relevance() > 0)));
		}
		var rows = this.moments.shown(shown, query.lexemes());
		var info = this.moments.episodes(pageIds);
		var episodes = new ArrayList<SearchResults.EpisodeResult>();
		long total = 0;
		for (var id : pageIds) {
			var episode = info.get(id);
			var best = new ArrayList<SearchResults.Moment>();
			for (var moment : shown) {
				var row = rows.get(moment);
				if (moment.episodeId() == id && row != null) {
					best.add(ResultEpisodes.moment(episode.slug(), new MomentRepository.MomentRow(id, moment.kind(),
							(moment.position() < 0) ? null : moment.position(), row.startSeconds(), row.earlierStart(),
							row.speaker(), counts.get(id), moment.words() ? row.headline() : excerpt(moment, row.text())),
							moment.words() ? SearchResults.Match.WORDS : SearchResults.Match.MEANING));
				}
			}
			total += counts.get(id);
			episodes.add(new SearchResults.EpisodeResult(episode.slug(), episode.title(),
					HybridSearch.date(episode.publishedAt()), counts.get(id), best));
		}
		return new SearchResults(request, SearchResults.Outcome.SEARCHED, episodes, total, true, ranked.size(), true,
				page, pageCount, List.of(), SearchMode.HYBRID);
	}

	private static double fused(HybridSearch.Query query, Fusion fusion, Candidate candidate, double top) {
		double words = (top > 0) ? candidate.relevance() / top : 0;
		return fusion.score(query.alpha(), words, fusion.meaning(candidate.similarity()));
	}

	static ai.interconnects.archive.search.meaning.MomentKind meaningKind(MomentKind kind) {
		return ai.interconnects.archive.search.meaning.MomentKind.valueOf(kind.name());
	}

	/**
	 * The start of a moment's text, about {@link #EXCERPT_WORDS} words, ended at a
	 * sentence end where one comes soon enough; a notes paragraph is cut from the notes.
	 */
	static String excerpt(HybridMoments.Shown moment, String text) {
		if (moment.kind() == MomentKind.NOTES) {
			var paragraphs = MeaningSearch.notesParagraphs(text);
			text = (moment.position() >= 0 && moment.position() < paragraphs.size()) ? paragraphs.get(moment.position())
					: "";
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
