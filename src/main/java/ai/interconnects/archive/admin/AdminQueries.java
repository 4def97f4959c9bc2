package ai.interconnects.archive.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import ai.interconnects.archive.feed.LockHeartbeat;
import ai.interconnects.archive.feed.PollHistory;
import ai.interconnects.archive.feed.PollLock;
import ai.interconnects.archive.feed.client.FeedProperties;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the admin page's data straight from the tables: it is a report over the feed's
 * state and counts, not domain behaviour, so plain SQL says it most directly. The poll
 * history comes from {@link PollHistory}, as on the archive page.
 */
@Service
class AdminQueries {

	static final int RUNS_PER_PAGE = 50;

	static final int PARSE_PROBLEMS_SHOWN = 200;

	private final JdbcClient jdbc;

	private final FeedProperties feed;

	private final PollLock pollLock;

	private final PollHistory history;

	private final LockHeartbeat locks;

	AdminQueries(JdbcClient jdbc, FeedProperties feed, PollLock pollLock, PollHistory history, LockHeartbeat locks) {
		this.jdbc = jdbc;
		this.locks = locks;
		this.feed = feed;
		this.pollLock = pollLock;
		this.history = history;
	}

	@Transactional(readOnly = true)
	AdminOverview overview(int page) {
		int safePage = Math.max(0, page);
		var configured = this.feed.url().toString();
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
		// One more run than shown tells whether older runs exist.
		var runs = this.history.page(RUNS_PER_PAGE + 1, (long) safePage * RUNS_PER_PAGE);
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
				this.pollLock.isHeld(), this.locks.held(PollLock.LOCK_NAME).orElse(null));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
