package ai.interconnects.archive.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

import ai.interconnects.archive.LogText;
import ai.interconnects.archive.episode.EpisodeIngestService;
import ai.interconnects.archive.poll.LockHeartbeat;
import ai.interconnects.archive.show.Podcast;
import ai.interconnects.archive.show.PodcastRepository;
import ai.interconnects.archive.poll.PollLock;
import ai.interconnects.archive.poll.PollService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.interconnects.archive.episode.EpisodeCatalog;
import org.springframework.stereotype.Service;

/** What the admin page's buttons do; each returns the message shown after it. */
@Service
class AdminActions {

	private static final Logger log = LoggerFactory.getLogger(AdminActions.class);

	private final PollService polls;

	private final EpisodeIngestService ingest;

	private final PollLock pollLock;

	private final EpisodeCatalog catalog;

	private final LockHeartbeat locks;

	private final PodcastRepository podcasts;

	AdminActions(PollService polls, EpisodeIngestService ingest, PollLock pollLock, EpisodeCatalog catalog,
			LockHeartbeat locks, PodcastRepository podcasts) {
		this.podcasts = podcasts;
		this.polls = polls;
		this.pollLock = pollLock;
		this.locks = locks;
		this.ingest = ingest;
		this.catalog = catalog;
	}

	/** Polls at once, unless a poll is running here or in another instance. */
	String pollNow() {
		if (this.polls.podcast().getStatus() == Podcast.Status.GONE) {
			return "The feed is marked gone (HTTP 410): resume polling first.";
		}
		log.info("Poll requested by the operator");
		return this.polls.poll().map((run) -> {
			var text = "Poll finished: " + run.getOutcome()
					+ ((run.getHttpStatus() != null) ? " (HTTP " + run.getHttpStatus() + ")" : "") + ", "
					+ run.getItemsSeen() + " items seen, " + run.getItemsNew() + " new, " + run.getItemsUpdated()
					+ " updated, " + run.getItemsFailed() + " failed.";
			return (run.getMessage() != null) ? text + " " + run.getMessage() : text;
		})
			.orElseGet(() -> staleLockMessage()
				.orElse("A poll is already running (in this instance or another one); it shows up in the history when"
						+ " it ends."));
	}

	/**
	 * Rebuilds chapters and transcripts of every episode from the stored descriptions,
	 * one transaction per episode so that one failure does not undo the rest, each show
	 * while none of its polls runs anywhere (under the show's poll lock): it must not
	 * rewrite an episode's transcript while a poll is storing it. A show being polled is
	 * left as it was and said in the message.
	 */
	String reparseAll() {
		log.info("Re-parse of all episodes requested by the operator");
		var started = Instant.now();
		var total = new ReparseReport(0, 0, 0, 0, 0, 0);
		var byShow = this.catalog.idsByShow();
		var configuredUrls = new HashMap<Long, String>();
		this.podcasts.findAllById(byShow.keySet())
			.forEach((podcast) -> configuredUrls.put(podcast.getId(), podcast.getConfiguredUrl()));
		for (var show : byShow.entrySet()) {
			var done = this.pollLock.runExclusivelyForShow(show.getKey(), configuredUrls.get(show.getKey()), "re-parse",
					() -> Optional.of(reparse(show.getValue())));
			total = total.plus(done.orElse(new ReparseReport(0, 0, 0, 0, 0, 1)));
		}
		if (!byShow.isEmpty() && total.showsSkipped() == byShow.size()) {
			return staleLockMessage()
				.orElse("A poll is running (in this instance or another one); re-parse again when it has finished.");
		}
		var report = new ReparseReport(total.episodes(), total.segments(), total.failed(),
				this.catalog.parseProblemCount(), Duration.between(started, Instant.now()).toMillis(),
				total.showsSkipped());
		log.info(
				"Re-parse of all episodes: {} episodes, {} transcript segments, {} failed, {} with parse warnings,"
						+ " {} shows being polled left as they were, in {} ms",
				report.episodes(), report.segments(), report.failed(), report.withWarnings(), report.showsSkipped(),
				report.millis());
		return report.message();
	}

	private ReparseReport reparse(List<Long> ids) {
		long segments = 0;
		int failed = 0;
		for (long id : ids) {
			try {
				segments += this.ingest.reparse(id);
			}
			catch (RuntimeException ex) {
				failed++;
				log.warn("Re-parse of episode {} failed: {}", id, LogText.of(ex.getMessage()), ex);
			}
		}
		return new ReparseReport(ids.size(), segments, failed, 0, 0, 0);
	}

	/** Releases the poll lock when the instance holding it is gone (no heartbeat). */
	String breakStaleLock() {
		var held = this.locks.held(PollLock.LOCK_NAME);
		if (held.isEmpty()) {
			return "The poll lock is free; nothing to break.";
		}
		if (this.pollLock.breakStale()) {
			log.warn("The operator broke the poll lock left by {} (no sign of life for {} s)",
					LogText.of(held.get().holder()), held.get().silentSeconds());
			return "Broke the poll lock left by " + held.get().holder() + ". Polls and re-parses can run again.";
		}
		return "The poll lock is held by a live instance (" + held.get().holder()
				+ "); it was not broken. Wait for its " + ((held.get().action() != null) ? held.get().action() : "work")
				+ " to finish.";
	}

	private Optional<String> staleLockMessage() {
		return this.locks.held(PollLock.LOCK_NAME)
			.filter(LockHeartbeat.HeldLock::stale)
			.map((held) -> "The poll lock was left by an instance that stopped (" + held.holder()
					+ ", no sign of life for " + held.silentSeconds() + " s): break it on this page, then try again.");
	}

	String resumePolling() {
		return this.polls.resumePolling() ? "Polling resumed: the feed is active again and is polled on the next tick."
				: "The feed was not marked gone; nothing to resume.";
	}

	/** Counts of one re-parse of the whole archive. */
	record ReparseReport(int episodes, long segments, int failed, long withWarnings, long millis, int showsSkipped) {

		ReparseReport plus(ReparseReport other) {
			return new ReparseReport(this.episodes + other.episodes, this.segments + other.segments,
					this.failed + other.failed, 0, 0, this.showsSkipped + other.showsSkipped);
		}

		String message() {
			var message = "Re-parsed " + this.episodes + " episodes: " + this.segments + " transcript segments, "
					+ this.failed + " failed, " + this.withWarnings + " with parse warnings (" + this.millis + " ms).";
			return (this.showsSkipped == 0) ? message
					: message + " "
							+ ((this.showsSkipped == 1) ? "1 show was being polled and left as it was"
									: this.showsSkipped + " shows were being polled and left as they were")
							+ ": re-parse again when the polls have finished.";
		}

	}

}
