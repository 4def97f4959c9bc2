package ai.interconnects.archive.poll;

import ai.interconnects.archive.show.Podcast;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import ai.interconnects.archive.LogText;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Polls every show when it is due. The scheduler ticks every {@code archive.poll.tick}
 * (fixed delay, so two ticks never overlap); each tick first reads the library's OPML
 * list ({@link LibraryListing}), then hands every due show (not paused, removed or gone,
 * its stored next-poll time come: {@code archive.poll.interval} after a success, a
 * growing backoff after failures) to the {@link PollDispatcher}, which runs a bounded
 * number of polls at once. Keeping that time in the database rather than in the scheduler
 * lets a restart, or another instance, carry on the same schedule.
 * <p>
 * Every poll takes its show's cluster-wide lock before looking at the schedule again, so
 * several instances poll each show once per interval between them. The first time this
 * instance looks at a show it also polls when nobody has tried for a whole interval (a
 * restart after a long backoff catches up at once), but not when another instance polled
 * recently: starting a second replica must not poll the feeds again.
 */
@Component
class FeedPoller implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

	private final PollService polls;

	private final PollProperties properties;

	private final PollDispatcher dispatcher;

	private final LibraryListing listing;

	private final AtomicBoolean started = new AtomicBoolean();

	/** The shows this instance has looked at since it started. */
	private final Set<Long> seen = ConcurrentHashMap.newKeySet();

	FeedPoller(PollService polls, PollProperties properties, PollDispatcher dispatcher, LibraryListing listing) {
		this.polls = polls;
		this.properties = properties;
		this.dispatcher = dispatcher;
		this.listing = listing;
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
			// the configured show's row, created if missing, as every tick always did
			var configured = this.polls.podcast();
			if (this.started.compareAndSet(false, true)) {
				if (configured.getStatus() == Podcast.Status.GONE) {
					log.warn("The feed {} is marked gone (HTTP 410); not polling it. Resume polling from /admin.",
							LogText.of(configured.getFeedUrl()));
				}
			}
			this.listing.read();
			for (var podcast : this.polls.shows()) {
				boolean first = this.seen.add(podcast.getId());
				if (first ? this.polls.isDueAtStartup(podcast) : this.polls.isDue(podcast)) {
					this.dispatcher.offer(podcast, first ? this.polls::isDueAtStartup : this.polls::isDue);
				}
			}
			this.dispatcher.dispatch();
		}
		catch (RuntimeException ex) {
			// The scheduler must survive anything, a database outage included.
			log.error("The scheduled poll failed: {}", LogText.of(ex.getMessage()), ex);
		}
	}

}
