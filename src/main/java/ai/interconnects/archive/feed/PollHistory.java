package ai.interconnects.archive.feed;

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

	private static final String COLUMNS = """
			select id, feed_url, started_at, finished_at, outcome, http_status, bytes_read, items_seen, items_new,
			       items_updated, items_unchanged, items_failed, message
			from poll_run""";

	private final JdbcClient jdbc;

	PollHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The latest run, without its item failures. */
	public Optional<PollRecord> latest() {
		return this.jdbc.sql(COLUMNS + " order by started_at desc, id desc limit 1")
			.query((rs, n) -> map(rs, List.of()))
			.optional();
	}

	/**
	 * Runs newest first, {@code limit} of them after skipping {@code offset}, with their
	 * item failures.
	 */
	public List<PollRecord> page(int limit, long offset) {
		var runs = this.jdbc.sql(COLUMNS + " order by started_at desc, id desc limit :limit offset :offset")
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

	private static PollRecord map(ResultSet rs, List<PollRecord.ItemFailure> failures) throws SQLException {
		return new PollRecord(rs.getLong("id"), rs.getString("feed_url"), instant(rs, "started_at"),
				instant(rs, "finished_at"), PollRun.Outcome.valueOf(rs.getString("outcome")),
				(Integer) rs.getObject("http_status"), (Long) rs.getObject("bytes_read"), rs.getInt("items_seen"),
				rs.getInt("items_new"), rs.getInt("items_updated"), rs.getInt("items_unchanged"),
				rs.getInt("items_failed"), rs.getString("message"), failures);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
