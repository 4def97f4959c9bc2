package ai.interconnects.archive.poll;

import ai.interconnects.archive.show.Podcast;

import java.util.concurrent.atomic.AtomicBoolean;

import ai.interconnects.archive.LogText;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Polls the feed when it is due. The scheduler ticks every {@code archive.poll.tick}
 * (fixed delay, so two ticks never overlap) and polls when the stored next-poll time has
 * come: {@code archive.poll.interval} after a success, a growing backoff after failures.
 * Keeping that time in the database rather than in the scheduler lets a restart, or
 * another instance, carry on the same schedule.
 * <p>
 * Every tick goes through {@link PollService#pollIf}, which takes the cluster-wide poll
 * lock before looking at the schedule, so several instances poll once per interval
 * between them. The first tick after start-up also polls when nobody has tried for a
 * whole interval (a restart after a long backoff catches up at once), but not when
 * another instance polled recently: starting a second replica must not poll the feed
 * again.
 */
@Component
class FeedPoller implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

	private final PollService polls;

	private final PollProperties properties;

	private final AtomicBoolean started = new AtomicBoolean();

	FeedPoller(PollService polls, PollProperties properties) {
		this.polls = polls;
		this.properties = properties;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar
			.addFixedDelayTask(new FixedDelayTask(this::tick, this.properties.tick(), this.properties.initialDelay()));
	}

	void tick() {
		if (!this.properties.enabled()) {
			return;
		}
		try {
			if (this.started.compareAndSet(false, true)) {
				var podcast = this.polls.podcast();
				if (podcast.getStatus() == Podcast.Status.GONE) {
					log.warn("The feed {} is marked gone (HTTP 410); not polling it. Resume polling from /admin.",
							LogText.of(podcast.getFeedUrl()));
					return;
				}
				this.polls.pollIf(this.polls::isDueAtStartup);
				return;
			}
			this.polls.pollIf(this.polls::isDue);
		}
		catch (RuntimeException ex) {
			// The scheduler must survive anything, a database outage included.
			log.error("The scheduled poll failed: {}", LogText.of(ex.getMessage()), ex);
		}
	}

}
