package ai.interconnects.archive.feed;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How polling is coordinated between instances and watched by the operator.
 *
 * @param pollLockAtMostFor how long the cluster-wide poll lock is held at most if its
 * instance dies while polling; must be longer than {@code archive.deadline} so that a
 * slow poll never loses its lock while still running
 * @param pollHealthThreshold the poller's health turns DOWN when the last successful poll
 * is older than this
 */
@ConfigurationProperties("archive")
public record PollOperationsProperties(@DefaultValue("10m") Duration pollLockAtMostFor,
		@DefaultValue("3h") Duration pollHealthThreshold) {
}
