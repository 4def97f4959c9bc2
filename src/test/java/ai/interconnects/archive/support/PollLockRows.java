package ai.interconnects.archive.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rows another instance leaves while it holds the poll lock: ShedLock's lock row and
 * the heartbeat that tells a live holder from a dead one. Times are the database's, as
 * the application reads them.
 */
public final class PollLockRows {

	private PollLockRows() {
	}

	/**
	 * The lock row of {@code holder}, taken {@code takenSecondsAgo} and held 5 minutes.
	 */
	public static void hold(JdbcClient jdbc, String holder, int takenSecondsAgo) {
		jdbc.sql("""
				insert into shedlock (name, lock_until, locked_at, locked_by)
				values ('archive-feed-poll', timezone('utc', now()) + interval '5 minutes',
				        timezone('utc', now()) - make_interval(secs => :ago), :holder)
				on conflict (name) do update set lock_until = excluded.lock_until, locked_at = excluded.locked_at,
				    locked_by = excluded.locked_by""").param("ago", takenSecondsAgo).param("holder", holder).update();
	}

	/**
	 * The heartbeat of {@code holder} doing {@code action}, last beaten
	 * {@code silentSeconds} ago.
	 */
	public static void heartbeat(JdbcClient jdbc, String holder, String action, int silentSeconds) {
		jdbc.sql("""
				insert into lock_heartbeat (lock_name, holder, action, started_at, heartbeat_at)
				values ('archive-feed-poll', :holder, :action, timezone('utc', now()),
				        timezone('utc', now()) - make_interval(secs => :silent))""")
			.param("holder", holder)
			.param("action", action)
			.param("silent", silentSeconds)
			.update();
	}

}
