package ai.interconnects.archive.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import ai.interconnects.archive.show.LibraryEntry;
import ai.interconnects.archive.show.Podcast;
import ai.interconnects.archive.show.PodcastRepository;
import ai.interconnects.archive.support.ArchiveTest;
import ai.interconnects.archive.support.DatabaseCleaner;
import ai.interconnects.archive.support.FeedServer;
import ai.interconnects.archive.support.WithFeedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled poll over a library: every due show, each under its own lock, a bounded
 * number at once and per host. The scheduler itself never ticks here (an hour's delay);
 * the test calls {@link FeedPoller#tick()} as it would.
 */
@WithFeedServer
@ArchiveTest(properties = { "archive.poll.enabled=true", "archive.poll.initial-delay=1h", "archive.poll.tick=1h",
		"archive.poll.max-concurrent=3", "archive.poll.max-per-host=2" })
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LibraryPollingTests {

	@Autowired
	FeedPoller poller;

	@Autowired
	PodcastRepository podcasts;

	@Autowired
	PollProperties properties;

	@Autowired
	JdbcClient jdbc;

	private final FeedServer slowHost = FeedServer.start();

	private final FeedServer fastHost = FeedServer.start();

	@BeforeEach
	void clean(FeedServer configured) {
		DatabaseCleaner.clean(this.jdbc);
		configured.reset();
		configured.respond("/feed.xml", 200, TinyFeeds.show("configured", 2), "Content-Type", "application/rss+xml");
	}

	@AfterEach
	void stop() {
		awaitUntil(() -> count("select count(*) from poll_run where outcome = 'RUNNING'") == 0);
		this.slowHost.close();
		this.fastHost.close();
	}

	@Test
	void everyDueShowIsPolledUnderItsOwnLockButNotPausedRemovedOrGoneOnes() {
		var now = Instant.now();
		var a = add(this.fastHost, "/a.xml", "alpha");
		var b = add(this.fastHost, "/b.xml", "beta");
		var paused = add(this.fastHost, "/paused.xml", "paused");
		paused.entry().pause(now);
		var removed = add(this.fastHost, "/removed.xml", "removed");
		removed.entry().remove(now);
		var gone = add(this.fastHost, "/gone.xml", "gone");
		gone.markGone(now);
		this.podcasts.saveAll(List.of(paused, removed, gone));

		this.poller.tick();

		awaitUntil(() -> count("select count(*) from poll_run where outcome = 'SUCCESS'") == 3);
		assertThat(this.fastHost.requests()).extracting(FeedServer.Recorded::path)
			.containsExactlyInAnyOrder("/a.xml", "/b.xml");
		assertThat(count("select count(*) from episode")).isEqualTo(2 + 3 + 3);
		assertThat(this.jdbc.sql("select name from shedlock where name like 'archive-feed-poll%'")
			.query(String.class)
			.list()).contains("archive-feed-poll", "archive-feed-poll:" + a.getId(), "archive-feed-poll:" + b.getId())
			.doesNotContain("archive-feed-poll:" + paused.getId());
	}

	@Test
	void aSlowHostDelaysOnlyItsOwnShowsAndNeverGetsMoreThanItsShareOfRequests() {
		var inFlight = new AtomicInteger();
		var mostInFlight = new AtomicInteger();
		for (var name : List.of("s1", "s2", "s3", "s4")) {
			var feed = TinyFeeds.show(name, 1);
			this.slowHost.handle("/" + name + ".xml", (exchange) -> {
				mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
				try {
					Thread.sleep(4000);
					FeedServer.send(exchange, 200, feed, "Content-Type", "application/rss+xml");
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				finally {
					inFlight.decrementAndGet();
				}
			});
			add(this.slowHost, "/" + name + ".xml", name);
		}
		var fastShows = List.of("f1", "f2", "f3");
		fastShows.forEach((name) -> add(this.fastHost, "/" + name + ".xml", name));

		this.poller.tick();

		// the fast host's shows are all done while the slow host is still on its first
		// pair
		awaitUntil(() -> this.fastHost.requests().size() == 3
				&& count("select count(*) from poll_run where outcome = 'SUCCESS' and feed_url like '%/f_.xml'") == 3);
		assertThat(count("select count(*) from poll_run where feed_url like '%/s_.xml' and outcome = 'SUCCESS'"))
			.isLessThan(4);
		awaitUntil(() -> count("select count(*) from poll_run where outcome = 'SUCCESS'") == 8);
		assertThat(mostInFlight.get()).as("requests to the slow host at once").isEqualTo(2);
	}

	@Test
	void aLibraryShowIsPolledAgainNearItsOwnPhaseNotExactlyOneIntervalLater() {
		var show = add(this.fastHost, "/a.xml", "alpha");

		this.poller.tick();

		awaitUntil(() -> count("select count(*) from poll_run where outcome = 'SUCCESS'") == 2);
		var interval = this.properties.interval();
		var row = this.podcasts.findById(show.getId()).orElseThrow();
		var after = Duration.between(row.getLastSuccessAt(), row.getNextPollAt());
		assertThat(after).isNotEqualTo(interval)
			.isBetween(interval.multipliedBy(9).dividedBy(10), interval.multipliedBy(11).dividedBy(10));
		var configured = this.podcasts.findAll().stream().filter((p) -> !p.getId().equals(show.getId())).findFirst();
		assertThat(configured).hasValueSatisfying(
				(p) -> assertThat(Duration.between(p.getLastSuccessAt(), p.getNextPollAt())).isEqualTo(interval));
	}

	private Podcast add(FeedServer host, String path, String name) {
		if (!path.startsWith("/s")) {
			host.respond(path, 200, TinyFeeds.show(name, 3), "Content-Type", "application/rss+xml");
		}
		return this.podcasts.save(new Podcast(host.url(path).toString(), LibraryEntry.Origin.OPML, Instant.now()));
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private static void awaitUntil(BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Condition not met within 45 s");
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
