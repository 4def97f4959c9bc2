package ai.interconnects.archive.poll;

import java.time.Duration;
import java.time.Instant;

import ai.interconnects.archive.support.MovableClock;
import ai.interconnects.archive.support.ArchiveTest;
import ai.interconnects.archive.support.DatabaseCleaner;
import ai.interconnects.archive.support.WithFeedServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

// The default threshold (3h) and the feed server's context: the same context as the ingest
// tests, not one of its own.
@WithFeedServer
@ArchiveTest
class PollerHealthIndicatorTests {

	@Autowired
	PollerHealthIndicator health;

	@Autowired
	PollService polls;

	@Autowired
	PollProperties properties;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LockHeartbeat locks;

	@BeforeEach
	void clean() {
		DatabaseCleaner.clean(this.jdbc);
	}

	@Test
	void aFreshStartWithoutAnyPollIsUpWithADetail() {
		var result = this.health.health();

		assertThat(result.getStatus()).isEqualTo(Status.UP);
		assertThat(result.getDetails()).containsEntry("lastSuccess", "none yet").containsEntry("pollLock", "free");
	}

	@Test
	void aRecentSuccessIsUp() {
		lastSuccess(Duration.ofMinutes(40));

		var result = this.health.health();

		assertThat(result.getStatus()).isEqualTo(Status.UP);
		assertThat(result.getDetails()).containsEntry("feedStatus", "ACTIVE").containsKey("lastSuccess");
	}

	@Test
	void aLastSuccessOlderThanTheThresholdIsDown() {
		lastSuccess(Duration.ofHours(4));
		this.jdbc.sql("update podcast set consecutive_failures = 7").update();

		var result = this.health.health();

		assertThat(result.getStatus()).isEqualTo(Status.DOWN);
		assertThat(result.getDetails()).containsEntry("consecutiveFailures", 7)
			.containsEntry("threshold", "PT3H")
			.containsKey("reason");
	}

	@Test
	void aGoneFeedIsDownAndSaysSo() {
		lastSuccess(Duration.ofMinutes(5));
		this.jdbc.sql("update podcast set status = 'GONE', next_poll_at = null").update();

		var result = this.health.health();

		assertThat(result.getStatus()).isEqualTo(Status.DOWN);
		assertThat(result.getDetails()).containsEntry("feedStatus", "GONE");
	}

	@Test
	void noSuccessLongAfterStartIsDown() {
		var clock = new MovableClock(Instant.now());
		var indicator = new PollerHealthIndicator(this.polls, this.properties, clock, this.locks);
		assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);

		clock.advance(Duration.ofHours(3).plusMinutes(1));

		assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
	}

	private void lastSuccess(Duration ago) {
		this.polls.podcast();
		this.jdbc.sql("update podcast set last_success_at = now() - make_interval(secs => ?), last_attempt_at = now()")
			.param(ago.toSeconds())
			.update();
	}

}
