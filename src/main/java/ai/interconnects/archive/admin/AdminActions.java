package ai.interconnects.archive.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import ai.interconnects.archive.episode.EpisodeIngestService;
import ai.interconnects.archive.feed.Podcast;
import ai.interconnects.archive.feed.PollLock;
import ai.interconnects.archive.feed.PollService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What the admin page's buttons do; each returns the message shown after it. */
@Service
class AdminActions {

	private static final Logger log = LoggerFactory.getLogger(AdminActions.class);

	private final PollService polls;

	private final EpisodeIngestService ingest;

	private final PollLock pollLock;

	private final JdbcClient jdbc;

	AdminActions(PollService polls, EpisodeIngestService ingest, PollLock pollLock, JdbcClient jdbc) {
		this.polls = polls;
		this.pollLock = pollLock;
		this.ingest = ingest;
		this.jdbc = jdbc;
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
			return (run.getErrorMessage() != null) ? text + " " + run.getErrorMessage() : text;
		})
			.orElse("A poll is already running (in this instance or another one); it shows up in the history when"
					+ " it ends.");
	}

	/**
	 * Rebuilds chapters and transcripts of every episode from the stored descriptions,
	 * one transaction per episode so that one failure does not undo the rest, while no
	 * poll runs anywhere: it must not rewrite an episode's transcript while a poll is
	 * storing it.
	 */
	String reparseAll() {
		log.info("Re-parse of all episodes requested by the operator");
		return this.pollLock.runExclusively(() -> Optional.of(reparseEveryEpisode()))
			.map(ReparseReport::message)
			.orElse("A poll is running (in this instance or another one); re-parse again when it has finished.");
	}

	private ReparseReport reparseEveryEpisode() {
		var started = Instant.now();
		var ids = this.jdbc.sql("select id from episode order by id").query(Long.class).list();
		long segments = 0;
		int failed = 0;
		for (long id : ids) {
			try {
				segments += this.ingest.reparse(id);
			}
			catch (RuntimeException ex) {
				failed++;
				log.warn("Re-parse of episode {} failed: {}", id, ex.getMessage(), ex);
			}
		}
		long withWarnings = this.jdbc.sql("select count(*) from episode where parse_warnings is not null")
			.query(Long.class)
			.single();
		var report = new ReparseReport(ids.size(), segments, failed, withWarnings,
				Duration.between(started, Instant.now()).toMillis());
		log.info(
				"Re-parse of all episodes: {} episodes, {} transcript segments, {} failed, {} with parse warnings,"
						+ " in {} ms",
				report.episodes(), report.segments(), report.failed(), report.withWarnings(), report.millis());
		return report;
	}

	String resumePolling() {
		return this.polls.resumePolling() ? "Polling resumed: the feed is active again and is polled on the next tick."
				: "The feed was not marked gone; nothing to resume.";
	}

	/** Counts of one re-parse of the whole archive. */
	record ReparseReport(int episodes, long segments, int failed, long withWarnings, long millis) {

		String message() {
			return "Re-parsed " + this.episodes + " episodes: " + this.segments + " transcript segments, " + this.failed
					+ " failed, " + this.withWarnings + " with parse warnings (" + this.millis + " ms).";
		}

	}

}
