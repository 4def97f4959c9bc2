package ai.interconnects.archive.search;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import ai.interconnects.archive.web.EpisodePaths;
import ai.interconnects.archive.web.TimeCode;
import org.jsoup.parser.Parser;

/**
 * The page's episodes as the results carry them, from the rows of
 * {@link MomentRepository#moments}: the date (UTC), each moment's excerpt as escaped HTML
 * with its marks, and the links that open the episode or its transcript at the moment.
 */
final class ResultEpisodes {

	private ResultEpisodes() {
	}

	/**
	 * The given episodes in the given order, each with its exact number of matching
	 * moments and its best moments in order.
	 */
	static List<SearchResults.EpisodeResult> of(List<Long> pageIds, MomentRepository.PageMoments pageMoments,
			Map<Long, SearchResults.ShowName> shows) {
		var info = pageMoments.episodes();
		var moments = new LinkedHashMap<Long, List<MomentRepository.MomentRow>>();
		pageIds.forEach((id) -> moments.put(id, new ArrayList<>()));
		for (var row : pageMoments.rows()) {
			moments.get(row.episodeId()).add(row);
		}
		var episodes = new ArrayList<SearchResults.EpisodeResult>();
		for (var id : pageIds) {
			var episode = info.get(id);
			var rows = moments.get(id);
			long count = rows.isEmpty() ? 0 : rows.get(0).moments();
			var showSlug = showSlug(shows, episode.showId());
			var best = rows.stream()
				.map((row) -> moment(episode.slug(), showSlug, row, SearchResults.Match.WORDS))
				.toList();
			var date = (episode.publishedAt() != null)
					? episode.publishedAt().atZoneSameInstant(ZoneOffset.UTC).toLocalDate().toString() : null;
			episodes.add(new SearchResults.EpisodeResult(episode.slug(), episode.title(), date, count, best,
					shows.get(episode.showId())));
		}
		return episodes;
	}

	/**
	 * The slug of the episode's show for its links: in a library (several visible shows)
	 * its show's, with one show null ({@link EpisodePaths#page(String, String)}).
	 */
	static String showSlug(Map<Long, SearchResults.ShowName> shows, long showId) {
		var show = (shows.size() > 1) ? shows.get(showId) : null;
		return (show != null) ? show.slug() : null;
	}

	/**
	 * A moment as the results carry it, with its links (under its show when
	 * {@code showSlug} is given).
	 */
	static SearchResults.Moment moment(String slug, String showSlug, MomentRepository.MomentRow row,
			SearchResults.Match match) {
		var episodePath = EpisodePaths.page(showSlug, slug);
		// notes text comes from sanitized HTML: its entities are decoded before escaping
		var excerpt = row.text()
			.excerpt(row.headline(), (row.kind() == MomentKind.NOTES) ? (s) -> Parser.unescapeEntities(s, false)
					: UnaryOperator.identity());
		return switch (row.kind()) {
			case SEGMENT -> {
				Integer at = (row.startSeconds() != null) ? row.startSeconds() : row.earlierStart();
				var anchor = (row.startSeconds() != null) ? "#t-" + row.startSeconds() : "#p-" + row.position();
				yield new SearchResults.Moment(row.kind(), row.speaker(), (at != null) ? TimeCode.format(at) : null,
						excerpt, (at != null) ? episodePath + "?t=" + at : episodePath,
						episodePath + "/transcript" + anchor, match);
			}
			case CHAPTER -> new SearchResults.Moment(row.kind(), null, TimeCode.format(row.startSeconds()), excerpt,
					episodePath + "?t=" + row.startSeconds(), null, match);
			case TITLE, NOTES -> new SearchResults.Moment(row.kind(), null, null, excerpt, episodePath, null, match);
		};
	}

}
