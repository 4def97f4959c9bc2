package ai.interconnects.archive.episode;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The episodes of one show, and each show's counts: the reads the API and the feeds need
 * once the archive is a library ({@link EpisodeCatalog} answers for the whole archive).
 */
@Service
@Transactional(readOnly = true)
public class ShowFacets {

	private final JdbcClient jdbc;

	ShowFacets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A show's episode count and newest publication date (null when undated or none). */
	public record ShowCounts(long episodes, Instant newestEpisodeAt) {

		public static final ShowCounts NONE = new ShowCounts(0, null);

	}

	/** Every show's counts, by show id (a show without episodes is absent). */
	public Map<Long, ShowCounts> counts() {
		var counts = new HashMap<Long, ShowCounts>();
		this.jdbc.sql(
				"select podcast_id, count(*) as episodes, max(published_at) as newest from episode group by podcast_id")
			.query((rs) -> {
				var newest = rs.getTimestamp("newest");
				counts.put(rs.getLong("podcast_id"),
						new ShowCounts(rs.getLong("episodes"), (newest != null) ? newest.toInstant() : null));
			});
		return counts;
	}

	/** The show's episodes changed at or after {@code since} (all when null). */
	public long count(long showId, Instant since) {
		return this.jdbc.sql("select count(*) from episode e where e.podcast_id = :show" + since(since))
			.params(params(showId, since))
			.query(Long.class)
			.single();
	}

	/**
	 * {@code limit} of the show's episodes changed at or after {@code since} (all when
	 * null) from the {@code offset}-th, in the archive's order.
	 */
	public List<EpisodeSummary> newest(long showId, Instant since, long offset, int limit) {
		var params = params(showId, since);
		params.put("offset", offset);
		params.put("limit", limit);
		return this.jdbc
			.sql("select " + EpisodeCatalog.SUMMARY + " from episode e where e.podcast_id = :show" + since(since)
					+ " order by " + EpisodeCatalog.NEWEST_FIRST + " offset :offset limit :limit")
			.params(params)
			.query(EpisodeCatalog::summary)
			.list();
	}

	/**
	 * Episodes {@code offset} to {@code offset + limit - 1} of the show counted from its
	 * oldest, returned newest first: fixed blocks that never change once full.
	 */
	public List<EpisodeSummary> oldest(long showId, long offset, int limit) {
		return this.jdbc
			.sql("select * from (select " + EpisodeCatalog.SUMMARY + " from episode e where e.podcast_id = :show"
					+ " order by e.published_at asc nulls first, e.id asc offset :offset limit :limit) e order by "
					+ EpisodeCatalog.NEWEST_FIRST)
			.params(Map.of("show", showId, "offset", offset, "limit", limit))
			.query(EpisodeCatalog::summary)
			.list();
	}

	/**
	 * The {@code limit} newest episodes of every visible show (titled, not removed), in
	 * the archive's order: the library feed's.
	 */
	public List<EpisodeSummary> libraryNewest(int limit) {
		return this.jdbc
			.sql("select " + EpisodeCatalog.SUMMARY + " from episode e join podcast p on p.id = e.podcast_id"
					+ " where p.title is not null and p.removed_at is null and p.slug is not null order by "
					+ EpisodeCatalog.NEWEST_FIRST + " limit :limit")
			.param("limit", limit)
			.query(EpisodeCatalog::summary)
			.list();
	}

	private static String since(Instant since) {
		return (since != null) ? " and e.updated_at >= :since" : "";
	}

	private static Map<String, Object> params(long showId, Instant since) {
		var params = new HashMap<String, Object>();
		params.put("show", showId);
		if (since != null) {
			params.put("since", Timestamp.from(since));
		}
		return params;
	}

}
