package ai.interconnects.archive.search;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * The only SQL spliced into the search statements: one fragment per filter that is set
 * (so each combination gets its own plan); every value is a bind parameter. The speaker
 * fragment expects the segment as {@code s}, the date (and show) fragment the episode as
 * {@code e}.
 */
final class SearchFilters {

	private SearchFilters() {
	}

	static String speaker(SearchRequest request) {
		return (request.speaker() != null) ? "and lower(s.speaker) = lower(:speaker)" : "";
	}

	static String dates(SearchRequest request) {
		var sql = new StringBuilder();
		if (request.from() != null) {
			sql.append(" and e.published_at >= :from");
		}
		if (request.to() != null) {
			sql.append(" and e.published_at < :to");
		}
		if (!request.showIds().isEmpty()) {
			sql.append(" and e.podcast_id = any(:shows)");
		}
		return sql.toString();
	}

	static Map<String, Object> dateParams(SearchRequest request) {
		var params = new HashMap<String, Object>();
		if (request.from() != null) {
			params.put("from", startOfDay(request.from()));
		}
		if (request.to() != null) {
			params.put("to", startOfDay(request.to().plusDays(1)));
		}
		if (!request.showIds().isEmpty()) {
			params.put("shows", request.showIds().toArray(Long[]::new));
		}
		return params;
	}

	/**
	 * Whether {@link #dates}'s conditions admit an episode of this date (null: outside
	 * any range) and show, tested in Java on what the ranking has read.
	 */
	static boolean admits(SearchRequest request, OffsetDateTime publishedAt, long showId) {
		if (request.from() != null && (publishedAt == null || publishedAt.isBefore(startOfDay(request.from())))) {
			return false;
		}
		if (request.to() != null
				&& (publishedAt == null || !publishedAt.isBefore(startOfDay(request.to().plusDays(1))))) {
			return false;
		}
		return request.showIds().isEmpty() || request.showIds().contains(showId);
	}

	private static OffsetDateTime startOfDay(LocalDate date) {
		return date.atStartOfDay().atOffset(ZoneOffset.UTC);
	}

}
