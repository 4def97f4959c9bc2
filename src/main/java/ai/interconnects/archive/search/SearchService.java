package ai.interconnects.archive.search;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

import ai.interconnects.archive.transcript.Timestamps;
import org.jsoup.parser.Parser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriUtils;

/**
 * Full-text search over transcripts, chapter titles, episode titles and show notes (see
 * {@link SearchRepository} for the SQL and README "Search" for the rules).
 */
@Service
public class SearchService {

	private final SearchRepository repository;

	private final SearchVocabulary vocabulary;

	private final SearchProperties properties;

	SearchService(SearchRepository repository, SearchVocabulary vocabulary, SearchProperties properties) {
		this.repository = repository;
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
		for (var row : this.repository.segmentsMatching(episodeId, request.query())) {
			matches.add(new SegmentMatch(row.position(), row.startSeconds(),
					Highlights.markAll(row.text(), Highlights.markedWords(row.headline()))));
		}
		return matches;
	}

	/** The main statement of a search, for the benchmark's EXPLAIN (ANALYZE). */
	public static String explainableSql(String query) {
		return SearchRepository.episodesSql(SearchRequest.of(query, null, null, null, null, null, Integer.MAX_VALUE));
	}

	List<String> speakers() {
		return this.vocabulary.speakers(this.repository::speakers);
	}

	/** One page of results; one read-only transaction, so both steps see one snapshot. */
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
		int limit = this.properties.candidateLimit();
		var hits = this.repository.episodes(request, limit);
		var all = hits.episodes();
		int pageSize = this.properties.pageSize();
		int pageCount = Math.max(1, (all.size() + pageSize - 1) / pageSize);
		int page = Math.min(request.page(), pageCount);
		long total = all.stream().mapToLong(SearchRepository.EpisodeHit::moments).sum();
		boolean capped = hits.candidates() > limit;
		if (all.isEmpty()) {
			return new SearchResults(request, SearchResults.Outcome.SEARCHED, List.of(), 0, 0, false, 1, 1,
					this.vocabulary.suggest(request.query()));
		}
		var pageIds = SearchRepository.ids(all.subList((page - 1) * pageSize, Math.min(all.size(), page * pageSize)));
		var pageMoments = this.repository.moments(request, pageIds, this.properties.momentsPerEpisode());
		var info = pageMoments.episodes();
		var moments = new LinkedHashMap<Long, List<SearchRepository.MomentRow>>();
		pageIds.forEach((id) -> moments.put(id, new ArrayList<>()));
		for (var row : pageMoments.rows()) {
			moments.get(row.episodeId()).add(row);
		}
		var episodes = new ArrayList<SearchResults.EpisodeResult>();
		for (var id : pageIds) {
			var episode = info.get(id);
			var rows = moments.get(id);
			long count = rows.isEmpty() ? 0 : rows.get(0).moments();
			var best = rows.stream().map((row) -> moment(episode.slug(), row)).toList();
			var date = (episode.publishedAt() != null)
					? episode.publishedAt().atZoneSameInstant(ZoneOffset.UTC).toLocalDate().toString() : null;
			episodes.add(new SearchResults.EpisodeResult(episode.slug(), episode.title(), date, count, best));
		}
		return new SearchResults(request, SearchResults.Outcome.SEARCHED, episodes, total, all.size(), capped, page,
				pageCount, List.of());
	}

	private SearchResults empty(SearchRequest request, SearchResults.Outcome outcome) {
		return new SearchResults(request, outcome, List.of(), 0, 0, false, 1, 1, List.of());
	}

	private static SearchResults.Moment moment(String slug, SearchRepository.MomentRow row) {
		var episodePath = "/episodes/" + UriUtils.encodePathSegment(slug, java.nio.charset.StandardCharsets.UTF_8);
		var headline = row.headline();
		if ("NOTES".equals(row.kind())) {
			// notes text comes from sanitized HTML: decode its entities before escaping
			headline = Parser.unescapeEntities(headline, false);
		}
		var excerpt = Highlights.toHtml(headline);
		return switch (row.kind()) {
			case "SEGMENT" -> {
				Integer at = (row.startSeconds() != null) ? row.startSeconds() : row.earlierStart();
				var anchor = (row.startSeconds() != null) ? "#t-" + row.startSeconds() : "#p-" + row.position();
				yield new SearchResults.Moment(row.kind(), row.speaker(), (at != null) ? Timestamps.format(at) : null,
						excerpt, (at != null) ? episodePath + "?t=" + at : episodePath,
						episodePath + "/transcript" + anchor);
			}
			case "CHAPTER" -> new SearchResults.Moment(row.kind(), null, Timestamps.format(row.startSeconds()), excerpt,
					episodePath + "?t=" + row.startSeconds(), null);
			default -> new SearchResults.Moment(row.kind(), null, null, excerpt, episodePath, null);
		};
	}

}
