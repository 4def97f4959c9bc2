package ai.interconnects.archive.support;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What is in the archive, for tests that prove a poll changed nothing. */
public final class ArchiveContents {

	private ArchiveContents() {
	}

	/** Every row a poll could change or add, in comparable form. */
	public static List<Object> snapshot(JdbcClient jdbc) {
		return List.of(
				jdbc.sql("select id, guid, slug, title, content_hash, updated_at from episode order by id")
					.query()
					.listOfRows(),
				jdbc.sql("select id, episode_id, position, start_seconds, title from chapter order by id")
					.query()
					.listOfRows(),
				jdbc.sql(
						"select id, episode_id, position, start_seconds, speaker, text from transcript_segment order by id")
					.query()
					.listOfRows(),
				count(jdbc, "episode_revision"));
	}

	public static long count(JdbcClient jdbc, String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
