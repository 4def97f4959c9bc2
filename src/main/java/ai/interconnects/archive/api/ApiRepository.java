package ai.interconnects.archive.api;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The API's reads, as explicit SQL; newest first by publication time (undated last),
 * whatever order the archive page lists a numbered show in.
 */
@Repository
@Transactional(readOnly = true)
class ApiRepository {

	private static final String COLUMNS = """
			e.id, e.slug, e.guid, e.title, e.published_at, e.updated_at, e.duration_seconds, e.summary,
			e.image_url, e.link, e.audio_url, e.audio_type, e.audio_length, e.episode_type, e.show_notes_html,
			e.season, e.episode_number,
			(select count(*) from chapter c where c.episode_id = e.id) as chapter_count,
			(select count(*) from transcript_segment s where s.episode_id = e.id) as segment_count""";

	private final JdbcClient jdbc;

	ApiRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Row(long id, String slug, String guid, String title, Instant publishedAt, Instant updatedAt,
			Integer durationSeconds, String summary, String imageUrl, String link, String audioUrl, String audioType,
			Long audioLength, String episodeType, String showNotesHtml, int chapterCount, int segmentCount,
			Integer season, Integer episode) {
	}

	/** Episodes changed at or after {@code since} (all when null). */
	long count(Instant since) {
		var statement = this.jdbc.sql("select count(*) from episode e" + where(since));
		if (since != null) {
			statement = statement.param(Timestamp.from(since));
		}
		return statement.query(Long.class).single();
	}

	List<Row> page(Instant since, long offset, int limit) {
		var statement = this.jdbc.sql("select " + COLUMNS + " from episode e" + where(since)
				+ " order by e.published_at desc nulls last, e.id desc offset ? limit ?");
		if (since != null) {
			statement = statement.param(Timestamp.from(since));
		}
		return statement.param(offset).param(limit).query(ApiRepository::row).list();
	}

	private static String where(Instant since) {
		return (since != null) ? " where e.updated_at >= ?" : "";
	}

	Optional<Row> episode(String slug) {
		return this.jdbc.sql("select " + COLUMNS + " from episode e where e.slug = ?")
			.param(slug)
			.query(ApiRepository::row)
			.optional();
	}

	record ChapterRow(int startSeconds, Integer endSeconds, String title) {
	}

	List<ChapterRow> chapters(long episodeId) {
		return this.jdbc
			.sql("select start_seconds, end_seconds, title from chapter where episode_id = ? order by position")
			.param(episodeId)
			.query((rs, n) -> new ChapterRow(rs.getInt(1), (Integer) rs.getObject(2), rs.getString(3)))
			.list();
	}

	List<ApiModels.Segment> segments(long episodeId) {
		return this.jdbc.sql(
				"select position, start_seconds, speaker, text from transcript_segment where episode_id = ? order by position")
			.param(episodeId)
			.query((rs, n) -> new ApiModels.Segment(rs.getInt(1), (Integer) rs.getObject(2), rs.getString(3),
					rs.getString(4)))
			.list();
	}

	/** The people the episode names, in the feed's order. */
	List<ApiModels.Person> persons(long episodeId) {
		return this.jdbc.sql(
				"select name, role, person_group, img_url, href from episode_person where episode_id = ? order by position")
			.param(episodeId)
			.query((rs, n) -> new ApiModels.Person(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.list();
	}

	/**
	 * Every speaker with counts; a turn starts at a paragraph whose speaker differs from
	 * the previous paragraph's in the same episode. Most turns first.
	 */
	List<ApiModels.Speaker> speakers() {
		return this.jdbc.sql("""
				select t.speaker, count(distinct t.episode_id) as episodes,
					count(*) filter (where t.previous is distinct from t.speaker) as turns,
					count(*) as segments, min(e.published_at) as first_heard, max(e.published_at) as last_heard
				from (select s.episode_id, s.speaker,
						lag(s.speaker) over (partition by s.episode_id order by s.position) as previous
					from transcript_segment s) t
				join episode e on e.id = t.episode_id
				where t.speaker is not null
				group by t.speaker
				order by turns desc, t.speaker""")
			.query((rs, n) -> new ApiModels.Speaker(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))))
			.list();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), rs.getString("slug"), rs.getString("guid"), rs.getString("title"),
				instant(rs.getTimestamp("published_at")), instant(rs.getTimestamp("updated_at")),
				(Integer) rs.getObject("duration_seconds"), rs.getString("summary"), rs.getString("image_url"),
				rs.getString("link"), rs.getString("audio_url"), rs.getString("audio_type"),
				(Long) rs.getObject("audio_length"), rs.getString("episode_type"), rs.getString("show_notes_html"),
				rs.getInt("chapter_count"), rs.getInt("segment_count"), (Integer) rs.getObject("season"),
				(Integer) rs.getObject("episode_number"));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
