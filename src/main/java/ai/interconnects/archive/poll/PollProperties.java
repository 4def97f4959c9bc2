package ai.interconnects.archive.poll;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When the feed is polled, how failures back off, and how polling is coordinated between
 * instances and watched by the operator ({@code archive.poll.*}).
 *
 * @param enabled whether the scheduled poller runs at all
 * @param interval time between two successful polls
 * @param initialDelay how soon after start-up the scheduler first ticks
 * @param tick how often the scheduler checks whether a poll is due
 * @param backoffInitial wait after a first failed poll; doubles with each further failure
 * @param backoffMax longest wait between failed polls (a {@code Retry-After} may ask for
 * more, up to a day)
 * @param unconditionalInterval how often validators are left out, so that a server with
 * wrong ETags or Last-Modified dates cannot hide updates for ever
 * @param redirectConfirmations consecutive polls that must see the same permanent
 * redirect before the new URL is stored
 * @param lockAtMostFor how long the cluster-wide poll lock is held at most if its
 * instance dies while polling; must be longer than {@code archive.feed.deadline} so that
 * a slow poll never loses its lock while still running
 * @param healthThreshold the poller's health turns DOWN when the last successful poll is
 * older than this
 * @param lockHeartbeat how often the instance holding the poll lock refreshes its
 * heartbeat row
 * @param lockStaleAfter a held lock whose heartbeat is older than this was left by an
 * instance that died; at least three heartbeats, so a busy live instance is never taken
 * for dead
 * @param maxConcurrent how many shows one instance polls at once, at most
 * @param maxPerHost how many of those polls (and so feed and file requests) go to one
 * host (registrable domain) at once, at most: many shows live on one hosting company
 */
@ConfigurationProperties("archive.poll")
@Validated
public record PollProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("30m") @DurationMin(seconds = 1) Duration interval,
		@DefaultValue("5s") @DurationMin(millis = 0) Duration initialDelay,
		@DefaultValue("10s") @DurationMin(millis = 1) Duration tick,
		@DefaultValue("1m") @DurationMin(millis = 1) Duration backoffInitial,
		@DefaultValue("6h") @DurationMin(millis = 1) Duration backoffMax,
		@DefaultValue("24h") @DurationMin(millis = 1) Duration unconditionalInterval,
		@DefaultValue("2") @Min(1) int redirectConfirmations,
		@DefaultValue("10m") @DurationMin(millis = 1) Duration lockAtMostFor,
		@DefaultValue("3h") @DurationMin(millis = 1) Duration healthThreshold,
		@DefaultValue("10s") @DurationMin(millis = 10) Duration lockHeartbeat,
		@DefaultValue("1m") @DurationMin(millis = 30) Duration lockStaleAfter,
		@DefaultValue("4") @Min(1) @Max(64) int maxConcurrent, @DefaultValue("2") @Min(1) @Max(16) int maxPerHost) {

	public PollProperties {
		if (lockHeartbeat != null && lockStaleAfter != null
				&& lockStaleAfter.compareTo(lockHeartbeat.multipliedBy(3)) < 0) {
			throw new IllegalArgumentException("archive.poll.lock-stale-after (" + lockStaleAfter
					+ ") must be at least three times archive.poll.lock-heartbeat (" + lockHeartbeat + ")");
		}
	}

}
