package ai.interconnects.archive.poll;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The poll history as the pages read it: one mapping from {@code poll_run} (and its
 * {@code poll_item_failure} rows) to {@link PollRecord}, for the archive page's "last
 * poll" note and the admin page's history alike.
 */
@Component
@Transactional(readOnly = true)
public class PollHistory {

	/**
	 * A run is only really running while its instance holds the poll lock and is alive: a
	 * run marked running while the lock is free or stale was left by an instance that
	 * died, and reads as interrupted at once (the next holder of the lock records it so).
	 * One statement, so the lock and the runs are read in the same snapshot.
	 */
	private static final String COLUMNS = columns(PollLock.LOCK_NAME);

	private static String columns(String lockName) {
		return """
				with poll_lock as (select %s as live)
				select id, feed_url, started_at, finished_at,
				       case when outcome = 'RUNNING' and not live then 'FAILED' else outcome end as outcome,
				       http_status, bytes_read, items_seen, items_new, items_updated, items_unchanged, items_failed,
				       case when outcome = 'RUNNING' and not live then :interrupted else message end as message,
				       items_skipped,
				       case when outcome = 'RUNNING' and not live then :interruptedKind else failure_kind end
				           as failure_kind
				from poll_run cross join poll_lock""".formatted(LockHeartbeat.heldByLiveInstance(lockName));
	}

	private final JdbcClient jdbc;

	private final LockHeartbeat locks;

	private final PollLock lock;

	PollHistory(JdbcClient jdbc, LockHeartbeat locks, PollLock lock) {
		this.lock = lock;
		this.jdbc = jdbc;
		this.locks = locks;
	}

	/** The latest run, without its item failures. */
	public Optional<PollRecord> latest() {
		return runs(COLUMNS + " order by started_at desc, id desc limit 1").query((rs, n) -> map(rs, List.of()))
			.optional();
	}

	/** The latest run of one show, without its item failures. */
	public Optional<PollRecord> latest(long showId) {
		return runs(COLUMNS + " where podcast_id = :show order by started_at desc, id desc limit 1")
			.param("show", showId)
			.query((rs, n) -> map(rs, List.of()))
			.optional();
	}

	/**
	 * The runs of one show, newest first, at most {@code limit}, without their item
	 * failures; a run reads as running only while that show's lock is held.
	 */
	public List<PollRecord> ofShow(long podcastId, String configuredUrl, int limit) {
		var sql = columns(this.lock.nameOf(podcastId, configuredUrl))
				+ " where podcast_id = :podcast order by started_at desc, id desc limit :limit";
		return runs(sql).param("podcast", podcastId).param("limit", limit).query((rs, n) -> map(rs, List.of())).list();
	}

	/**
	 * Runs newest first, {@code limit} of them after skipping {@code offset}, with their
	 * item failures.
	 */
	public List<PollRecord> page(int limit, long offset) {
		var runs = runs(COLUMNS + " order by started_at desc, id desc limit :limit offset :offset")
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> map(rs, List.of()))
			.list();
		if (runs.isEmpty()) {
			return runs;
		}
		Map<Long, List<PollRecord.ItemFailure>> failures = this.jdbc.sql("""
				select poll_run_id, item_key, item_title, message from poll_item_failure
				where poll_run_id in (:ids) order by id""")
			.param("ids", runs.stream().map(PollRecord::id).toList())
			.query((rs, n) -> Map.entry(rs.getLong("poll_run_id"),
					new PollRecord.ItemFailure(rs.getString("item_key"), rs.getString("item_title"),
							rs.getString("message"))))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		return runs.stream().map((run) -> run.withItemFailures(failures.getOrDefault(run.id(), List.of()))).toList();
	}

	private JdbcClient.StatementSpec runs(String sql) {
		return this.jdbc.sql(sql)
			.param("liveLockStale", this.locks.liveLockStaleSeconds())
			.param("interrupted", PollRecorder.INTERRUPTED_MESSAGE)
			.param("interruptedKind", FailureKinds.INTERRUPTED);
	}

	private static PollRecord map(ResultSet rs, List<PollRecord.ItemFailure> failures) throws SQLException {
		return new PollRecord(rs.getLong("id"), rs.getString("feed_url"), instant(rs, "started_at"),
				instant(rs, "finished_at"), PollRun.Outcome.valueOf(rs.getString("outcome")),
				(Integer) rs.getObject("http_status"), (Long) rs.getObject("bytes_read"), rs.getInt("items_seen"),
				rs.getInt("items_new"), rs.getInt("items_updated"), rs.getInt("items_unchanged"),
				rs.getInt("items_failed"), rs.getString("message"), failures, rs.getInt("items_skipped"),
				rs.getString("failure_kind"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
