package ai.interconnects.archive.support;

import java.nio.charset.StandardCharsets;

import ai.interconnects.archive.poll.PollRun;
import ai.interconnects.archive.poll.PollService;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Puts another show into the archive for the library's tests, through the real poll:
 * every show already stored has its configured address moved aside (so the configured
 * feed is a new show) and is made not due, the fixture from {@code feeds/library/} is
 * served at the configured {@code /feed.xml}, and one poll stores it as a new
 * {@code podcast} row. When the library's own way of adding shows (OPML, the admin form)
 * is on main, this is the one place to switch to it.
 */
public final class LibraryShows {

	private LibraryShows() {
	}

	/** Adds the show of {@code fixture} (a file name in {@code feeds/library/}). */
	public static void add(JdbcClient jdbc, PollService polls, FeedServer feeds, String fixture) {
		add(jdbc, polls, feeds, fixture(feeds, fixture));
	}

	/** The feed of {@code fixture} with its files on the feed server. */
	public static byte[] fixture(FeedServer feeds, String fixture) {
		return new String(FeedServer.resource("/feeds/library/" + fixture), StandardCharsets.UTF_8)
			.replace("{{base}}", feeds.url("").toString())
			.getBytes(StandardCharsets.UTF_8);
	}

	/** Adds the show of this feed. */
	public static void add(JdbcClient jdbc, PollService polls, FeedServer feeds, byte[] feed) {
		jdbc.sql(
				"update podcast set configured_url = configured_url || '#show-' || id where configured_url not like '%#show-%'")
			.update();
		// the shows already stored are not due (a restored one has never been polled),
		// so the poll below reads the new feed only
		jdbc.sql("update podcast set next_poll_at = now() + interval '1 day'").update();
		feeds.respond("/feed.xml", 200, feed, "Content-Type", "application/rss+xml; charset=utf-8");
		var run = polls.poll().orElseThrow();
		assertThat(run.getOutcome()).isEqualTo(PollRun.Outcome.SUCCESS);
	}

}
