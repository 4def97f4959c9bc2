package ai.interconnects.archive.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Empties the archive's tables between tests that share the one test database. */
public final class DatabaseCleaner {

	private DatabaseCleaner() {
	}

	public static void clean(JdbcClient jdbc) {
		jdbc.sql(
				"truncate table shedlock, poll_item_failure, poll_run, episode_revision, transcript_segment, chapter, episode, podcast restart identity cascade")
			.update();
	}

}
