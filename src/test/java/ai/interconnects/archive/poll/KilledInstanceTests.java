package ai.interconnects.archive.poll;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import ai.interconnects.archive.support.ArchiveTest;
import ai.interconnects.archive.support.ChildApp;
import ai.interconnects.archive.support.DatabaseCleaner;
import ai.interconnects.archive.support.FeedServer;
import ai.interconnects.archive.support.FeedServerExtension;
import ai.interconnects.archive.support.TestDatabase;
import ai.interconnects.archive.support.WithFeedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A real crash: the application in its own JVM polls, and is killed with {@code kill -9}
 * (SIGKILL: no shutdown hook, no finally block, no lock release) in the middle of storing
 * an item, while it holds the cluster-wide poll lock and heartbeats. This context, a
 * second instance on the same database, must then see the lock as left by a dead instance
 * within the staleness window, find no half-stored episode, read the dead run as
 * interrupted, and its next poll releases the lock by itself and gets the feed intact.
 * <p>
 * The child is stopped mid-item without racing its timing. This test first holds an
 * uncommitted episode with the slug of the Dean Ball episode, the one item of the feed
 * with chapters and a transcript: the child commits the items before it and waits on that
 * slug. Then the test takes a {@code SHARE} lock on {@code chapter} and lets the slug go:
 * the child writes the episode row and waits again, at the item's chapters. That
 * half-written item is what it dies with.
 */
@WithFeedServer
@ArchiveTest(properties = { "archive.poll.enabled=false", "archive.admin.username=operator",
		"archive.admin.password=kill minus nine", "archive.poll.lock-heartbeat=200ms",
		"archive.poll.lock-stale-after=2s" })
@AutoConfigureMockMvc
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class KilledInstanceTests {

	private static final FeedServer server = FeedServerExtension.server();

	private static final String CHILD = "killed-instance-test";

	private static final RequestPostProcessor ADMIN = user("operator").roles("ADMIN");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	PollService polls;

	private Process child;

	private static final String DEAN_BALL = "dean-ball-on-open-models-and-government-control";

	private Connection slugBlocker;

	private Connection chapterBlocker;

	@BeforeEach
	void cleanState() {
		DatabaseCleaner.clean(this.jdbc);
		server.reset();
		server.respond("/feed.xml", 200, FeedServer.resource("/feeds/interconnects-feed.xml"), "Content-Type",
				"application/rss+xml; charset=utf-8", "ETag", "\"v1\"");
	}

	@AfterEach
	void stop() throws Exception {
		if (this.child != null) {
			this.child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
		for (var connection : new Connection[] { this.slugBlocker, this.chapterBlocker }) {
			if (connection != null) {
				connection.close();
			}
		}
	}

	@Test
	void anInstanceKilledMidPollLeavesAStaleLockAnInterruptedRunAndNoHalfStoredEpisode() throws Exception {
		this.slugBlocker = transaction("insert into episode (podcast_id, guid, slug, title, content_hash,"
				+ " first_seen_at, last_seen_at, updated_at) values (" + this.polls.podcast().getId() + ", 'blocker', '"
				+ DEAN_BALL + "', 'blocker', 'blocker', now(), now(), now())");
		this.child = startChild();
		long pid = this.child.pid();

		// the child polls at once and waits at the Dean Ball episode ...
		awaitUntil("the child's ingest waits at the Dean Ball episode", Duration.ofSeconds(120),
				() -> childWaitingFor("insert into episode") > 0);
		// ... and then in the middle of it, its episode row written
		this.chapterBlocker = transaction("lock table chapter in share mode");
		this.slugBlocker.rollback();
		awaitUntil("the child's ingest waits at the Dean Ball chapters", Duration.ofSeconds(30),
				() -> childWaitingFor("from chapter") > 0);
		var firstBeat = heartbeat();
		awaitUntil("the child's heartbeat moves on", Duration.ofSeconds(10), () -> heartbeat().isAfter(firstBeat));
		assertThat(this.jdbc.sql("select holder || ' ' || action from lock_heartbeat").query(String.class).single())
			.contains("pid " + pid + " ")
			.endsWith(" poll");
		assertThat(admin()).contains("held by a live instance").contains("pid " + pid + " ");
		assertThat(storedOutcomes()).containsExactly("RUNNING");
		var committedBeforeKill = episodes();

		this.child.destroyForcibly();
		assertThat(this.child.waitFor(30, TimeUnit.SECONDS)).isTrue();
		// 128 + 9: it died of SIGKILL, not of a SIGTERM that runs shutdown hooks (143)
		assertThat(this.child.exitValue()).isEqualTo(137);
		// what a shutdown would have cleaned up is still there
		assertThat(count("lock_heartbeat")).isOne();
		assertThat(storedOutcomes()).containsExactly("RUNNING");

		// The blocked statement may now run, but its transaction never commits: its
		// client is gone.
		this.chapterBlocker.rollback();
		awaitUntil("the dead instance's connections are gone", Duration.ofSeconds(30),
				() -> this.jdbc.sql("select count(*) from pg_stat_activity where application_name = :name")
					.param("name", CHILD)
					.query(Long.class)
					.single() == 0);

		// no half-stored episode: only what was committed before the kill, each episode
		// with all its chapters and transcript (compared with a clean poll below)
		var afterKill = episodes();
		assertThat(afterKill).isEqualTo(committedBeforeKill);
		assertThat(afterKill).isNotEmpty();
		assertThat(this.jdbc.sql("select count(*) from episode where slug = :slug")
			.param("slug", DEAN_BALL)
			.query(Long.class)
			.single()).isZero();

		// within the staleness window: a dead holder, and its run reads as interrupted
		awaitUntil("the lock is reported stale", Duration.ofSeconds(10),
				() -> admin().contains("left by an instance that stopped"));
		var page = admin();
		assertThat(page).contains("pid " + pid + " ")
			.contains("Break the stale lock")
			.doesNotContain(">RUNNING<")
			.contains(">FAILED (interrupted)<")
			.contains("Interrupted: the instance running this poll stopped");
		assertThat(this.mvc.perform(get("/actuator/health").with(ADMIN)).andReturn().getResponse().getContentAsString())
			.contains("\"pollLock\":\"left by an instance that stopped");
		// the next poll releases the dead instance's lock by itself (no click, no ten
		// minutes), records its run as interrupted and stores the rest
		assertThat(flash(post("/admin/poll").with(ADMIN).with(csrf())))
			.startsWith("Poll finished: SUCCESS (HTTP 200), 11 items seen, " + (11 - afterKill.size()) + " new");
		assertThat(this.jdbc.sql("select outcome || ' ' || coalesce(failure_kind, '') from poll_run order by id")
			.query(String.class)
			.list()).containsExactly("FAILED INTERRUPTED", "SUCCESS ");
		var recovered = archive();

		// the same archive as one clean poll of the same feed gives
		DatabaseCleaner.clean(this.jdbc);
		this.polls.poll().orElseThrow();
		assertThat(recovered).isEqualTo(archive());
	}

	private Process startChild() throws Exception {
		var database = TestDatabase.get();
		var log = Path.of("target", "killed-instance-app.log");
		return ChildApp.start(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"), log,
				"--spring.main.web-application-type=none", "--spring.main.banner-mode=off",
				// its connections are told apart by their application name
				"--spring.datasource.url=" + database.url() + (database.url().contains("?") ? "&" : "?")
						+ "ApplicationName=" + CHILD,
				"--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(), "--archive.feed.url=" + server.url("/feed.xml"),
				"--archive.poll.enabled=true", "--archive.poll.initial-delay=0s", "--archive.poll.tick=100ms",
				"--archive.poll.lock-heartbeat=200ms", "--archive.poll.lock-stale-after=2s");
	}

	/** A connection that has run {@code sql} in a transaction it keeps open. */
	private static Connection transaction(String sql) throws Exception {
		var database = TestDatabase.get();
		var connection = DriverManager.getConnection(database.url(), database.username(), database.password());
		connection.setAutoCommit(false);
		try (var statement = connection.createStatement()) {
			statement.execute(sql);
		}
		return connection;
	}

	/**
	 * Connections of the child waiting for a lock in a statement containing {@code text}.
	 */
	private long childWaitingFor(String text) {
		return this.jdbc.sql("""
				select count(*) from pg_stat_activity
				where application_name = :name and wait_event_type = 'Lock' and query ilike :text""")
			.param("name", CHILD)
			.param("text", "%" + text + "%")
			.query(Long.class)
			.single();
	}

	private java.time.LocalDateTime heartbeat() {
		return this.jdbc.sql("select heartbeat_at from lock_heartbeat")
			.query(java.time.LocalDateTime.class)
			.optional()
			.orElse(java.time.LocalDateTime.MIN);
	}

	private List<String> storedOutcomes() {
		return this.jdbc.sql("select outcome from poll_run order by id").query(String.class).list();
	}

	private List<Map<String, Object>> episodes() {
		return this.jdbc.sql("select id, guid, content_hash, updated_at from episode order by id").query().listOfRows();
	}

	/** Every episode with its chapters and transcript, without database ids. */
	private List<Map<String, Object>> archive() {
		return this.jdbc
			.sql("""
					select e.guid, e.slug, e.title, e.content_hash, e.parse_warnings,
					       (select string_agg(c.position || ' ' || c.start_seconds || ' ' || c.title, '|' order by c.position)
					        from chapter c where c.episode_id = e.id) as chapters,
					       (select count(*) from transcript_segment s where s.episode_id = e.id) as segments,
					       (select md5(string_agg(s.position || ' ' || coalesce(s.speaker, '') || ' ' || s.text, '|'
					                              order by s.position))
					        from transcript_segment s where s.episode_id = e.id) as transcript
					from episode e order by e.guid""")
			.query()
			.listOfRows();
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private String admin() {
		try {
			return this.mvc.perform(get("/admin").with(ADMIN)).andReturn().getResponse().getContentAsString();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String flash(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return String.valueOf(this.mvc.perform(request).andReturn().getFlashMap().get("message"));
	}

	private void awaitUntil(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("%s within %s (child log: target/killed-instance-app.log)", what, timeout)
				.isLessThan(deadline);
			if (this.child != null && !this.child.isAlive() && this.child.exitValue() != 137) {
				throw new AssertionError(
						"The child app exited with " + this.child.exitValue() + "; see target/killed-instance-app.log");
			}
			Thread.sleep(50);
		}
	}

}
