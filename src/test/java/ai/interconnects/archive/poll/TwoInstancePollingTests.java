package ai.interconnects.archive.poll;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import ai.interconnects.archive.PodcastArchiveApplication;
import ai.interconnects.archive.support.DatabaseCleaner;
import ai.interconnects.archive.support.FeedServer;
import ai.interconnects.archive.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several instances of the app against one database poll the feed once per interval
 * between them. Each instance here is a whole application context with its own scheduler
 * ticking every 100 ms, its own {@link PollService} and its own ShedLock provider.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TwoInstancePollingTests {

	private final FeedServer server = FeedServer.start();

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	private JdbcClient jdbc;

	@AfterEach
	void stop() {
		this.instances.forEach(ConfigurableApplicationContext::close);
		this.server.close();
	}

	@Test
	void twoSchedulersTickingTogetherPollOncePerInterval() throws Exception {
		var fixture = FeedServer.resource("/feeds/interconnects-feed.xml");
		// A slow feed, so that the other instance ticks many times while a poll runs.
		this.server.handle("/feed.xml", (exchange) -> {
			sleep(300);
			FeedServer.send(exchange, 200, fixture, "Content-Type", "application/rss+xml", "ETag", "\"v1\"");
		});

		InstanceStarts.together(this::startInstance);

		awaitUntil(() -> finishedPolls() >= 1);
		sleep(2000); // about 20 ticks of each instance
		assertThat(feedRequests()).as("requests in the first interval").isEqualTo(1);

		// The interval is over (as the podcast row says): exactly one more poll between
		// them.
		this.jdbc.sql("update podcast set next_poll_at = now()").update();
		awaitUntil(() -> finishedPolls() >= 2);
		sleep(2000);
		assertThat(feedRequests()).as("requests in the second interval").isEqualTo(2);

		// A third instance starting now does not poll at start-up: the last attempt is
		// recent.
		startInstance();
		sleep(2000);
		assertThat(feedRequests()).as("requests after a further instance started").isEqualTo(2);
		assertThat(finishedPolls()).isEqualTo(2);
	}

	@Test
	void anInstanceStartingLongAfterTheLastAttemptPollsAtOnce() throws Exception {
		this.server.respond("/feed.xml", 200, FeedServer.resource("/feeds/interconnects-feed.xml"), "Content-Type",
				"application/rss+xml");
		var a = startInstance();
		awaitUntil(() -> finishedPolls() >= 1);
		a.close();
		// a long backoff after failures, and nobody tried for more than an interval
		this.jdbc
			.sql("update podcast set next_poll_at = now() + interval '5 hours',"
					+ " last_attempt_at = now() - interval '2 hours'")
			.update();

		startInstance();

		awaitUntil(() -> finishedPolls() >= 2);
		assertThat(feedRequests()).isEqualTo(2);
	}

	@BeforeEach
	void emptyDatabase() {
		var db = TestDatabase.get();
		var dataSource = new DriverManagerDataSource(db.url(), db.username(), db.password());
		// This test may be the first to use the database: create the schema first.
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		this.jdbc = JdbcClient.create(dataSource);
		DatabaseCleaner.clean(this.jdbc);
	}

	private ConfigurableApplicationContext startInstance() {
		var database = TestDatabase.get();
		var context = new SpringApplicationBuilder(PodcastArchiveApplication.class).web(WebApplicationType.NONE)
			// arguments, not builder properties: those rank below application.properties
			.run("--archive.feed.url=" + this.server.url("/feed.xml"), "--archive.poll.enabled=true",
					"--archive.poll.tick=100ms", "--archive.poll.initial-delay=0s", "--archive.poll.interval=1h",
					"--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.username(),
					"--spring.datasource.password=" + database.password(),
					"--spring.datasource.hikari.maximum-pool-size=3", "--spring.main.banner-mode=off");
		assertThat(context.getEnvironment().getProperty("archive.feed.url"))
			.isEqualTo(this.server.url("/feed.xml").toString());
		synchronized (this.instances) {
			this.instances.add(context);
		}
		return context;
	}

	private long finishedPolls() {
		return this.jdbc.sql("select count(*) from poll_run where outcome = 'SUCCESS'").query(Long.class).single();
	}

	private long feedRequests() {
		return this.server.requests().stream().filter((r) -> r.path().equals("/feed.xml")).count();
	}

	private static void awaitUntil(BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Condition not met within 30 s");
			}
			sleep(50);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
