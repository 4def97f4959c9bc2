package ai.interconnects.archive.feed;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls the feed when it is due. The scheduler ticks every {@code archive.poll-tick}
 * (fixed delay, so two ticks never overlap) and polls when the stored next-poll time has
 * come: {@code archive.poll-interval} after a success, a growing backoff after failures.
 * Keeping that time in the database rather than in the scheduler lets a restart, or
 * another instance, carry on the same schedule. The first tick after start-up polls at
 * once.
 */
@Component
class FeedPoller {

	private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

	private final PollService polls;

	private final FeedProperties properties;

	private final AtomicBoolean started = new AtomicBoolean();

	FeedPoller(PollService polls, FeedProperties properties) {
		this.polls = polls;
		this.properties = properties;
	}

	@Scheduled(initialDelayString = "${archive.poll-initial-delay:5s}", fixedDelayString = "${archive.poll-tick:10s}")
	void tick() {
		if (!this.properties.pollEnabled()) {
			return;
		}
		try {
			boolean firstTick = this.started.compareAndSet(false, true);
			if (firstTick || this.polls.isDue()) {
				if (firstTick && this.polls.podcast().getStatus() == Podcast.Status.GONE) {
					log.warn("The feed {} is marked gone (HTTP 410); not polling it. An operator can re-enable it.",
							this.polls.podcast().getFeedUrl());
					return;
				}
				this.polls.poll();
			}
		}
		catch (RuntimeException ex) {
			// The scheduler must survive anything, a database outage included.
			log.error("The scheduled poll failed: {}", ex.getMessage(), ex);
		}
	}

}
