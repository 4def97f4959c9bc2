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
 * Two instances of the app against one database, each with its own scheduler ticking
 * every 100 ms, poll each show of a library once per interval between them (one lock per
 * show).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LibraryTwoInstanceTests {

	private static final List<String> SHOWS = List.of("/a.xml", "/b.xml", "/c.xml", "/d.xml");

	private final FeedServer server = FeedServer.start();

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	private JdbcClient jdbc;

	@AfterEach
	void stop() {
		this.instances.forEach(ConfigurableApplicationContext::close);
		this.server.close();
	}

	@BeforeEach
	void emptyDatabase() {
		var db = TestDatabase.get();
		var dataSource = new DriverManagerDataSource(db.url(), db.username(), db.password());
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		this.jdbc = JdbcClient.create(dataSource);
		DatabaseCleaner.clean(this.jdbc);
	}

	@Test
	void twoInstancesPollEachShowOncePerIntervalBetweenThem() throws Exception {
		this.server.respond("/feed.xml", 200, TinyFeeds.show("configured", 1), "Content-Type", "application/rss+xml");
		for (var path : SHOWS) {
			var feed = TinyFeeds.show(path.substring(1, 2), 2);
			// slow, so that the other instance ticks many times while each poll runs
			this.server.handle(path, (exchange) -> {
				sleep(300);
				FeedServer.send(exchange, 200, feed, "Content-Type", "application/rss+xml");
			});
			this.jdbc.sql("""
					insert into podcast (configured_url, feed_url, origin, created_at, updated_at, status)
					values (:url, :url, 'OPML', now(), now(), 'ACTIVE')""")
				.param("url", this.server.url(path).toString())
				.update();
		}

		InstanceStarts.together(this::startInstance);

		awaitUntil(() -> successes() >= 5);
		sleep(2000); // about 20 ticks of each instance
		for (var path : SHOWS) {
			assertThat(requests(path)).as("requests to %s in the first interval", path).isEqualTo(1);
		}
		assertThat(successes()).isEqualTo(5);

		this.jdbc.sql("update podcast set next_poll_at = now()").update();
		awaitUntil(() -> successes() >= 10);
		sleep(2000);
		for (var path : SHOWS) {
			assertThat(requests(path)).as("requests to %s in the second interval", path).isEqualTo(2);
		}
		assertThat(successes()).isEqualTo(10);
	}

	private ConfigurableApplicationContext startInstance() {
		var database = TestDatabase.get();
		var context = new SpringApplicationBuilder(PodcastArchiveApplication.class).web(WebApplicationType.NONE)
			.run("--archive.feed.url=" + this.server.url("/feed.xml"), "--archive.poll.enabled=true",
					"--archive.poll.tick=100ms", "--archive.poll.initial-delay=0s", "--archive.poll.interval=1h",
					"--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.username(),
					"--spring.datasource.password=" + database.password(),
					"--spring.datasource.hikari.maximum-pool-size=3", "--spring.main.banner-mode=off");
		synchronized (this.instances) {
			this.instances.add(context);
		}
		return context;
	}

	private long successes() {
		return this.jdbc.sql("select count(*) from poll_run where outcome = 'SUCCESS'").query(Long.class).single();
	}

	private long requests(String path) {
		return this.server.requests().stream().filter((r) -> r.path().equals(path)).count();
	}

	private static void awaitUntil(BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Condition not met within 60 s");
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
