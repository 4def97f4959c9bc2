package ai.interconnects.archive.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import ai.interconnects.archive.feed.FeedProperties;
import ai.interconnects.archive.feed.LockHeartbeat;
import ai.interconnects.archive.feed.PollService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the admin page's data straight from the tables: it is a report over poll history
 * and counts, not domain behaviour, so plain SQL says it most directly.
 */
@Service
class AdminQueries {

	static final int RUNS_PER_PAGE = 50;

	static final int PARSE_PROBLEMS_SHOWN = 200;

	private final JdbcClient jdbc;

	private final FeedProperties feed;

	private final PollService polls;

	private final LockHeartbeat locks;

	AdminQueries(JdbcClient jdbc, FeedProperties feed, PollService polls, LockHeartbeat locks) {
		this.jdbc = jdbc;
		this.locks = locks;
		this.feed = feed;
		this.polls = polls;
	}

	@Transactional(readOnly = true)
	AdminOverview overview(int page) {
		int safePage = Math.max(0, page);
		var configured = this.feed.feedUrl().toString();
		var feedState = this.jdbc.sql("""
				select configured_url, feed_url, title, status, etag, last_modified, last_attempt_at,
				       last_success_at, next_poll_at, consecutive_failures, redirect_candidate_url, redirect_seen_count
				from podcast where configured_url = :url""")
			.param("url", configured)
			.query((rs, n) -> new AdminOverview.FeedState(rs.getString("configured_url"), rs.getString("feed_url"),
					rs.getString("title"), rs.getString("status"), rs.getString("etag"), rs.getString("last_modified"),
					instant(rs, "last_attempt_at"), instant(rs, "last_success_at"), instant(rs, "next_poll_at"),
					rs.getInt("consecutive_failures"), rs.getString("redirect_candidate_url"),
					rs.getInt("redirect_seen_count")))
			.optional()
			.orElse(null);
		var runs = runs(safePage);
		boolean hasOlder = runs.size() > RUNS_PER_PAGE;
		if (hasOlder) {
			runs = runs.subList(0, RUNS_PER_PAGE);
		}
		var counts = this.jdbc.sql("""
				select (select count(*) from episode) as episodes,
				       (select count(*) from chapter) as chapters,
				       (select count(*) from transcript_segment) as segments,
				       (select count(distinct episode_id) from transcript_segment) as with_transcript""")
			.query((rs, n) -> new AdminOverview.Counts(rs.getLong("episodes"), rs.getLong("chapters"),
					rs.getLong("segments"), rs.getLong("with_transcript")))
			.single();
		var problems = this.jdbc.sql("""
				select id, slug, title, published_at, parse_warnings from episode
				where parse_warnings is not null
				order by published_at desc nulls last, id desc limit :limit""")
			.param("limit", PARSE_PROBLEMS_SHOWN)
			.query((rs, n) -> new AdminOverview.ParseProblem(rs.getLong("id"), rs.getString("slug"),
					rs.getString("title"), instant(rs, "published_at"), rs.getString("parse_warnings")))
			.list();
		long problemCount = this.jdbc.sql("select count(*) from episode where parse_warnings is not null")
			.query(Long.class)
			.single();
		return new AdminOverview(feedState, configured, runs, safePage, hasOlder, counts, problems, problemCount,
				this.polls.isRunning(), this.locks.held(PollService.LOCK_NAME).orElse(null));
	}

	/** One page of runs plus one more row, which tells whether older runs exist. */
	private List<AdminOverview.PollRunRow> runs(int page) {
		record Run(long id, String feedUrl, Instant startedAt, Instant finishedAt, String outcome, Integer httpStatus,
				Long bytesRead, int seen, int created, int updated, int unchanged, int failed, String message) {
		}
		var rows = this.jdbc.sql("""
				select id, feed_url, started_at, finished_at, outcome, http_status, bytes_read, items_seen, items_new,
				       items_updated, items_unchanged, items_failed, error_message
				from poll_run order by started_at desc, id desc limit :limit offset :offset""")
			.param("limit", RUNS_PER_PAGE + 1)
			.param("offset", (long) page * RUNS_PER_PAGE)
			.query((rs, n) -> new Run(rs.getLong("id"), rs.getString("feed_url"), instant(rs, "started_at"),
					instant(rs, "finished_at"), rs.getString("outcome"), (Integer) rs.getObject("http_status"),
					(Long) rs.getObject("bytes_read"), rs.getInt("items_seen"), rs.getInt("items_new"),
					rs.getInt("items_updated"), rs.getInt("items_unchanged"), rs.getInt("items_failed"),
					rs.getString("error_message")))
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, List<AdminOverview.ItemFailure>> failures = this.jdbc.sql("""
				select poll_run_id, item_key, item_title, message from poll_item_failure
				where poll_run_id in (:ids) order by id""")
			.param("ids", rows.stream().map(Run::id).toList())
			.query((rs, n) -> Map.entry(rs.getLong("poll_run_id"),
					new AdminOverview.ItemFailure(rs.getString("item_key"), rs.getString("item_title"),
							rs.getString("message"))))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		return rows.stream()
			.map((r) -> new AdminOverview.PollRunRow(r.id(), r.feedUrl(), r.startedAt(), r.finishedAt(), r.outcome(),
					r.httpStatus(), r.bytesRead(), r.seen(), r.created(), r.updated(), r.unchanged(), r.failed(),
					r.message(), failures.getOrDefault(r.id(), List.of())))
			.toList();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
