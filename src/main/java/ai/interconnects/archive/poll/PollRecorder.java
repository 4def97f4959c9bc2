package ai.interconnects.archive.poll;

import ai.interconnects.archive.show.PodcastRepository;

import ai.interconnects.archive.show.LibraryEntry;
import ai.interconnects.archive.show.Podcast;
import ai.interconnects.archive.show.ShowSlugs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;

import ai.interconnects.archive.LogText;
import ai.interconnects.archive.episode.IngestReport;
import ai.interconnects.archive.feed.client.FeedException;
import ai.interconnects.archive.feed.client.FetchResult;
import ai.interconnects.archive.feed.client.ParsedFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change a poll makes to the podcast row and the poll history, one transaction
 * each. What the new state is, the {@link Podcast} decides.
 */
@Component
class PollRecorder {

	private static final Logger log = LoggerFactory.getLogger(PollRecorder.class);

	/** What the history says of a run whose instance died while it ran. */
	static final String INTERRUPTED_MESSAGE = "Interrupted: the instance running this poll stopped before it finished"
			+ " (its lock heartbeat went silent). The items it stored before stopping are kept, each was its own"
			+ " transaction; the next poll reads the feed again.";

	/** How many repairs, and how many unreadable items, one poll logs a line each for. */
	private static final int LOGGED_PROBLEMS = 10;

	private final PodcastRepository podcasts;

	private final PollRunRepository runs;

	private final PollItemFailureRepository failures;

	private final PollProperties properties;

	private final Clock clock;

	private final ShowSlugs slugs;

	PollRecorder(PodcastRepository podcasts, PollRunRepository runs, PollItemFailureRepository failures,
			PollProperties properties, Clock clock, ShowSlugs slugs) {
		this.slugs = slugs;
		this.podcasts = podcasts;
		this.runs = runs;
		this.failures = failures;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	Optional<Podcast> find(String configuredUrl) {
		return this.podcasts.findByConfiguredUrl(configuredUrl);
	}

	/**
	 * The configured feed's row, created on first use. Each repository call is its own
	 * transaction, so that when another instance creates the row at the same moment the
	 * failed insert is over and theirs can be read.
	 */
	Podcast findOrCreate(String configuredUrl) {
		try {
			return this.podcasts.findByConfiguredUrl(configuredUrl)
				.orElseGet(() -> this.podcasts
					.save(new Podcast(configuredUrl, LibraryEntry.Origin.CONFIG, this.clock.instant())));
		}
		catch (DataIntegrityViolationException ex) {
			return this.podcasts.findByConfiguredUrl(configuredUrl).orElseThrow(() -> ex);
		}
	}

	@Transactional
	boolean resume(long podcastId) {
		var podcast = this.podcasts.findById(podcastId).orElseThrow();
		if (podcast.getStatus() != Podcast.Status.GONE) {
			return false;
		}
		podcast.reactivate(this.clock.instant());
		log.warn("Polling of {} resumed by the operator after the feed was marked gone",
				LogText.of(podcast.getFeedUrl()));
		return true;
	}

	/**
	 * Records runs of show {@code podcastId} left running by an instance that died as
	 * interrupted. Only while holding its poll lock: then no live run of it exists.
	 */
	@Transactional
	void finishInterrupted(long podcastId) {
		int closed = this.runs.finishInterrupted(podcastId, FailureKinds.INTERRUPTED, INTERRUPTED_MESSAGE);
		if (closed > 0) {
			log.warn("{} poll run(s) were left running by an instance that stopped; recorded as interrupted", closed);
		}
	}

	@Transactional
	PollRun started(Podcast podcast) {
		return this.runs.save(new PollRun(podcast.getId(), podcast.getFeedUrl(), this.clock.instant()));
	}

	/**
	 * Records a successful fetch on the podcast row and finishes {@code run};
	 * {@code parsed} and {@code ingested} are null when the feed was not modified,
	 * {@code filesNote} (what the publisher-file stage did) when it did nothing.
	 */
	@Transactional
	void succeeded(PollRun run, FetchResult fetched, ParsedFeed parsed, IngestReport ingested, boolean unconditional,
			String filesNote) {
		var now = this.clock.instant();
		var podcast = this.podcasts.findById(run.getPodcastId()).orElseThrow();
		var counts = PollCounts.NONE;
		if (parsed != null) {
			podcast.describe(parsed, now);
			this.slugs.name(podcast);
			var problems = new ArrayList<PollItemFailure>();
			parsed.itemErrors()
				.forEach((e) -> problems.add(new PollItemFailure(run.getId(), e.key(), e.title(), e.message())));
			ingested.failures()
				.forEach(
						(f) -> problems.add(new PollItemFailure(run.getId(), f.itemKey(), f.itemTitle(), f.message())));
			ingested.skipped()
				.forEach((f) -> problems
					.add(PollItemFailure.skipped(run.getId(), f.itemKey(), f.itemTitle(), f.message())));
			this.failures.saveAll(problems);
			counts = PollCounts.of(parsed, ingested);
		}
		var formerUrl = podcast.getFeedUrl();
		var note = podcast.succeeded(now, fetched, unconditional && !fetched.notModified(),
				PollSpread.after(podcast, now, this.properties.interval()), this.properties.redirectConfirmations());
		if (!podcast.getFeedUrl().equals(formerUrl)) {
			log.warn("The feed has moved permanently to {}; polling that URL from now on",
					LogText.of(podcast.getFeedUrl()));
		}
		if (filesNote != null) {
			note = (note != null) ? note + ". " + filesNote : filesNote;
		}
		if (parsed != null && !parsed.warnings().isEmpty()) {
			// the feed was read only after repairs to its XML: the operator sees which
			var repairs = "The feed is not well-formed XML and was repaired to read it: "
					+ String.join("; ", parsed.warnings());
			note = (note != null) ? note + ". " + repairs : repairs;
		}
		if (parsed != null) {
			logProblems(run, parsed);
		}
		run.finish(fetched.notModified() ? PollRun.Outcome.NOT_MODIFIED : PollRun.Outcome.SUCCESS, fetched.status(),
				fetched.notModified() ? 0L : (long) fetched.body().length, counts, note, now);
		this.runs.save(run);
		if (fetched.notModified()) {
			log.info("Poll of {}: not modified (HTTP 304) in {} ms", LogText.of(run.getFeedUrl()),
					millisSince(run, now));
		}
		else {
			log.info("Poll of {}: {} items, {} new, {} updated, {} unchanged, {} failed, {} bytes in {} ms",
					LogText.of(run.getFeedUrl()), counts.seen(), counts.created(), counts.updated(), counts.unchanged(),
					counts.failed(), fetched.body().length, millisSince(run, now));
		}
	}

	/**
	 * Records a failed poll: the podcast backs off (or, on 410 Gone, stops being polled)
	 * and {@code run} is finished with the failure's message. {@code fetched} is what was
	 * fetched before the failure, if anything.
	 */
	@Transactional
	void failed(PollRun run, FetchResult fetched, PollCounts counts, Exception failure) {
		var now = this.clock.instant();
		var podcast = this.podcasts.findById(run.getPodcastId()).orElseThrow();
		var feedFailure = (failure instanceof FeedException ex) ? ex : null;
		if (feedFailure != null && feedFailure.gone()) {
			podcast.markGone(now);
			log.warn("The feed {} answered 410 Gone: polling stops; the archive stays browsable",
					LogText.of(podcast.getFeedUrl()));
		}
		else {
			podcast.failed(now, this.properties.backoffInitial(), this.properties.backoffMax(),
					(feedFailure != null) ? feedFailure.retryAfter() : null);
		}
		Integer status = (fetched != null) ? fetched.status() : null;
		if (feedFailure != null && feedFailure.httpStatus() != null) {
			status = feedFailure.httpStatus();
		}
		Long bytes = (fetched != null && fetched.body() != null) ? (long) fetched.body().length : null;
		var message = (feedFailure != null) ? feedFailure.getMessage()
				: "Unexpected error: " + failure.getClass().getSimpleName() + ": " + failure.getMessage();
		run.finish(PollRun.Outcome.FAILED, status, bytes, counts, message, now);
		run.classifyFailure((feedFailure != null) ? FailureKinds.of(feedFailure) : null);
		this.runs.save(run);
		var next = (podcast.getNextPollAt() != null) ? "at " + podcast.getNextPollAt()
				: "never (feed marked gone; resume from /admin)";
		if (feedFailure != null) {
			log.warn("Poll of {} failed: HTTP {}, {} items stored before failing, next attempt {}, {} in {} ms: {}",
					LogText.of(run.getFeedUrl()), (status != null) ? status : "none",
					counts.created() + counts.updated(), next,
					podcast.getConsecutiveFailures() + " consecutive failure(s)", millisSince(run, now),
					LogText.of(message));
		}
		else {
			log.error("Poll of {} failed unexpectedly: HTTP {}, next attempt {}, {} in {} ms",
					LogText.of(run.getFeedUrl()), (status != null) ? status : "none", next,
					podcast.getConsecutiveFailures() + " consecutive failure(s)", millisSince(run, now), failure);
		}
	}

	/** A line for each repair and each item left out, the first few of each. */
	private static void logProblems(PollRun run, ParsedFeed parsed) {
		var feedUrl = LogText.of(run.getFeedUrl());
		parsed.warnings()
			.stream()
			.limit(LOGGED_PROBLEMS)
			.forEach((warning) -> log.warn("Feed {} repaired: {}", feedUrl, LogText.of(warning)));
		parsed.itemErrors()
			.stream()
			.limit(LOGGED_PROBLEMS)
			.forEach((error) -> log.warn("Feed {}: item '{}' ({}) could not be read: {}", feedUrl,
					LogText.of(error.title()), LogText.of(error.key()), LogText.of(error.message())));
		long more = Math.max(0, parsed.warnings().size() - LOGGED_PROBLEMS)
				+ Math.max(0, parsed.itemErrors().size() - LOGGED_PROBLEMS);
		if (more > 0) {
			log.warn("Feed {}: {} more repair(s) or unreadable item(s), listed on /admin", feedUrl, more);
		}
	}

	private static long millisSince(PollRun run, Instant now) {
		return Duration.between(run.getStartedAt(), now).toMillis();
	}

}
