package ai.interconnects.archive.poll;

import ai.interconnects.archive.show.Podcast;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code poller} component of {@code /actuator/health}: DOWN when the last successful
 * poll is older than {@code archive.poll.health-threshold} or the feed answered 410 Gone.
 * <p>
 * It judges the feed's state in the database, not this instance's scheduler: with several
 * replicas only one of them polls, and all of them report the same. Before any success it
 * stays UP (with a detail saying so) until the threshold has passed since this instance
 * started, so a fresh start is not reported as an outage.
 * <p>
 * The {@code pollLock} detail says whether the cluster-wide poll lock is free, held by a
 * live instance, or left by one that died (until the operator breaks it on /admin, or it
 * expires, nobody polls). It does not change the status: the threshold tells when that
 * has gone on too long.
 */
@Component("pollerHealthIndicator")
class PollerHealthIndicator implements HealthIndicator {

	private final PollService polls;

	private final PollProperties properties;

	private final Duration threshold;

	private final Clock clock;

	private final Instant started;

	private final LockHeartbeat locks;

	PollerHealthIndicator(PollService polls, PollProperties properties, Clock clock, LockHeartbeat locks) {
		this.polls = polls;
		this.locks = locks;
		this.properties = properties;
		this.threshold = properties.healthThreshold();
		this.clock = clock;
		this.started = this.clock.instant();
	}

	@Override
	public Health health() {
		try {
			return check();
		}
		catch (RuntimeException ex) {
			// A health indicator never throws: a database outage is DOWN (503), not a
			// 500.
			return Health.down().withDetail("reason", "Could not read the poll state: " + ex.getMessage()).build();
		}
	}

	private Health check() {
		var now = this.clock.instant();
		var builder = Health.up()
			.withDetail("pollingEnabled", this.properties.enabled())
			.withDetail("threshold", this.threshold.toString())
			.withDetail("pollLock", lockState());
		var found = this.polls.findPodcast();
		if (found.isEmpty()) {
			return stale(builder, this.started, now).withDetail("lastSuccess", "none yet").build();
		}
		var podcast = found.get();
		builder.withDetail("feedUrl", podcast.getFeedUrl())
			.withDetail("feedStatus", podcast.getStatus().name())
			.withDetail("consecutiveFailures", podcast.getConsecutiveFailures());
		if (podcast.getNextPollAt() != null) {
			builder.withDetail("nextPoll", podcast.getNextPollAt().toString());
		}
		if (podcast.getStatus() == Podcast.Status.GONE) {
			return builder.down()
				.withDetail("reason", "The feed answered 410 Gone; polling stopped. Resume it from /admin.")
				.build();
		}
		if (podcast.getLastSuccessAt() == null) {
			return stale(builder, this.started, now).withDetail("lastSuccess", "none yet").build();
		}
		builder.withDetail("lastSuccess", podcast.getLastSuccessAt().toString());
		return stale(builder, podcast.getLastSuccessAt(), now).build();
	}

	private String lockState() {
		return this.locks.held(PollLock.LOCK_NAME)
			.map((held) -> held.stale()
					? "left by an instance that stopped (" + held.holder() + ", no sign of life for "
							+ held.silentSeconds() + " s): break it on /admin"
					: "held by a live instance (" + held.holder() + ", "
							+ ((held.action() != null) ? held.action() : "unknown work") + ")")
			.orElse("free");
	}

	private Health.Builder stale(Health.Builder builder, Instant since, Instant now) {
		if (since.plus(this.threshold).isBefore(now)) {
			return builder.down()
				.withDetail("reason", "No successful poll for more than " + this.threshold + " (see /admin)");
		}
		return builder;
	}

}
