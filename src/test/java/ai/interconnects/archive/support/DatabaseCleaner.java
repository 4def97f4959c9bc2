package ai.interconnects.archive.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Empties the archive's tables between tests that share the one test database. */
public final class DatabaseCleaner {

	private DatabaseCleaner() {
	}

	public static void clean(JdbcClient jdbc) {
		jdbc.sql(
				"truncate table poll_item_failure, poll_run, episode_revision, transcript_segment, chapter, episode, podcast restart identity cascade")
			.update();
		// Release the poll lock rather than delete its row: ShedLock remembers which lock
		// rows it created and from then on only updates them.
		jdbc.sql("update shedlock set lock_until = locked_at").update();
		jdbc.sql("delete from lock_heartbeat").update();
	}

}
