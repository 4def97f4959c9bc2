package ai.interconnects.archive.transcript;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the transcript and chapter files are made of, read with explicit SQL (no entities:
 * these files are a read-only view of the stored rows).
 */
@Repository
@Transactional(readOnly = true)
class TranscriptFileRepository {

	private final JdbcClient jdbc;

	TranscriptFileRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record EpisodeRow(long id, String slug, String title, Integer durationSeconds, Instant updatedAt,
			String podcastTitle, String author) {
	}

	/**
	 * One chapter as stored; {@code startSeconds} is never null, {@code endSeconds} only
	 * set when the source gave it.
	 */
	record ChapterRow(int startSeconds, Integer endSeconds, String title) {
	}

	Optional<EpisodeRow> episode(String slug) {
		return this.jdbc.sql("""
				select e.id, e.slug, e.title, e.duration_seconds, e.updated_at, p.title as podcast_title, p.author
				from episode e join podcast p on p.id = e.podcast_id
				where e.slug = ?""")
			.param(slug)
			.query((rs, n) -> new EpisodeRow(rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
					(Integer) rs.getObject("duration_seconds"), instant(rs.getTimestamp("updated_at")),
					rs.getString("podcast_title"), rs.getString("author")))
			.optional();
	}

	List<TimedTranscript.Segment> segments(long episodeId) {
		return this.jdbc
			.sql("select start_seconds, speaker, text from transcript_segment where episode_id = ? order by position")
			.param(episodeId)
			.query((rs, n) -> new TimedTranscript.Segment((Integer) rs.getObject("start_seconds"),
					rs.getString("speaker"), rs.getString("text")))
			.list();
	}

	List<ChapterRow> chapters(long episodeId) {
		return this.jdbc
			.sql("select start_seconds, end_seconds, title from chapter where episode_id = ? order by position")
			.param(episodeId)
			.query((rs, n) -> new ChapterRow(rs.getInt("start_seconds"), (Integer) rs.getObject("end_seconds"),
					rs.getString("title")))
			.list();
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
