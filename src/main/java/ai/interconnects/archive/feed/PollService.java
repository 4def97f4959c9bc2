package ai.interconnects.archive.feed;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

import ai.interconnects.archive.LogText;
import ai.interconnects.archive.episode.EpisodeIngestService;
import ai.interconnects.archive.episode.EpisodeRepository;
import ai.interconnects.archive.episode.StoredHash;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One poll of the configured feed: fetch, parse, store every item, record the run.
 * <p>
 * Whatever goes wrong (network, HTTP status, unparseable XML, one bad item) is recorded
 * in {@code poll_run} and logged; nothing already stored is changed by a failed poll.
 * Items are stored one transaction each (see {@link EpisodeIngestService}).
 * <p>
 * A poll runs under two locks: one for this instance, and a ShedLock row in the database
 * for all instances sharing it, so that only one of them polls at a time. The due check
 * is made after taking the database lock, on the podcast row as the previous holder left
 * it: an instance that gets the lock right after another one polled finds nothing due.
 */
@Service
public class PollService {

	private static final Logger log = LoggerFactory.getLogger(PollService.class);

	private final FeedProperties properties;

	private final FeedFetcher fetcher;

	private final FeedParser parser;

	private final PodcastRepository podcasts;

	private final PollRunRepository runs;

	private final PollItemFailureRepository failures;

	private final EpisodeRepository episodes;

	private final EpisodeIngestService ingest;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final ReentrantLock running = new ReentrantLock();

	/** The ShedLock name shared by every instance. */
	public static final String LOCK_NAME = "archive-feed-poll";

	private final LockProvider lockProvider;

	private final LockHeartbeat heartbeat;

	private final Duration lockAtMostFor;

	private final MeterRegistry meters;

	private final DistributionSummary fetchedBytes;

	PollService(FeedProperties properties, FeedFetcher fetcher, FeedParser parser, PodcastRepository podcasts,
			PollRunRepository runs, PollItemFailureRepository failures, EpisodeRepository episodes,
			EpisodeIngestService ingest, TransactionTemplate tx, Optional<Clock> clock, LockProvider lockProvider,
			PollOperationsProperties operations, MeterRegistry meters, LockHeartbeat heartbeat) {
		this.properties = properties;
		this.fetcher = fetcher;
		this.parser = parser;
		this.podcasts = podcasts;
		this.runs = runs;
		this.failures = failures;
		this.episodes = episodes;
		this.ingest = ingest;
		this.tx = tx;
		this.clock = clock.orElse(Clock.systemUTC());
		this.lockProvider = lockProvider;
		this.heartbeat = heartbeat;
		this.lockAtMostFor = operations.pollLockAtMostFor();
		if (this.lockAtMostFor.compareTo(properties.deadline()) <= 0) {
			// The lock would expire while a slow poll is still running, and a second
			// instance could start polling alongside it.
			throw new IllegalStateException("archive.poll-lock-at-most-for (" + this.lockAtMostFor
					+ ") must be longer than archive.deadline (" + properties.deadline() + ")");
		}
		this.meters = meters;
		this.fetchedBytes = DistributionSummary.builder("archive.poll.fetch.bytes")
			.description("Size of the feed bodies fetched (304 responses count as 0)")
			.baseUnit("bytes")
			.register(meters);
	}

	/** The configured feed's row, created on first use. */
	public Podcast podcast() {
		var configured = this.properties.feedUrl().toString();
		try {
			return this.tx.execute((status) -> this.podcasts.findByConfiguredUrl(configured)
				.orElseGet(() -> this.podcasts.save(new Podcast(configured, this.clock.instant()))));
		}
		catch (DataIntegrityViolationException ex) {
			// Another instance created the row at the same moment: use theirs.
			return this.tx.execute((status) -> this.podcasts.findByConfiguredUrl(configured).orElseThrow(() -> ex));
		}
	}

	/** The configured feed's row if it exists yet; never creates it. */
	public Optional<Podcast> findPodcast() {
		var configured = this.properties.feedUrl().toString();
		return this.tx.execute((status) -> this.podcasts.findByConfiguredUrl(configured));
	}

	/**
	 * Marks a feed that answered 410 Gone as active again and due at once, for an
	 * operator who knows it is back.
	 * @return whether the feed was gone
	 */
	public boolean resumePolling() {
		var podcastId = podcast().getId();
		var now = this.clock.instant();
		return Boolean.TRUE.equals(this.tx.execute((status) -> {
			var podcast = this.podcasts.findById(podcastId).orElseThrow();
			if (podcast.getStatus() != Podcast.Status.GONE) {
				return false;
			}
			podcast.reactivate(now);
			log.warn("Polling of {} resumed by the operator after the feed was marked gone",
					LogText.of(podcast.getFeedUrl()));
			return true;
		}));
	}

	/** Whether the feed is due: never polled, or its next poll time has come. */
	public boolean isDue() {
		return isDue(podcast());
	}

	boolean isDue(Podcast podcast) {
		if (podcast.getStatus() == Podcast.Status.GONE) {
			return false;
		}
		return podcast.getNextPollAt() == null || !podcast.getNextPollAt().isAfter(this.clock.instant());
	}

	/**
	 * Whether an instance that has just started should poll: when the feed is due, or
	 * when nobody has tried for a whole poll interval (a restart after a long backoff
	 * catches up at once). A feed another instance polled a minute ago is left alone.
	 */
	boolean isDueAtStartup(Podcast podcast) {
		if (podcast.getStatus() == Podcast.Status.GONE) {
			return false;
		}
		if (isDue(podcast)) {
			return true;
		}
		return podcast.getLastAttemptAt() == null
				|| !podcast.getLastAttemptAt().plus(this.properties.pollInterval()).isAfter(this.clock.instant());
	}

	/**
	 * Polls now, unless a poll is already running in this instance or in another one
	 * sharing the database.
	 * @return the recorded run, or empty when another poll was running
	 */
	public Optional<PollRun> poll() {
		return pollIf((podcast) -> true);
	}

	/**
	 * Polls if {@code due} says so of the podcast row as read after taking the locks.
	 * @return the recorded run, or empty when another poll was running or it was not due
	 */
	Optional<PollRun> pollIf(Predicate<Podcast> due) {
		return underPollLocks("poll", () -> due.test(podcast()) ? Optional.of(pollLocked()) : Optional.empty());
	}

	/**
	 * Runs {@code work} while no poll can run, in this instance or another one: the
	 * operator's re-parse of the whole archive must not rewrite an episode's transcript
	 * while a poll is storing it.
	 * @return the work's result, or empty when a poll holds the locks
	 */
	public <T> Optional<T> whilePollingPaused(Supplier<T> work) {
		return underPollLocks("re-parse", () -> Optional.of(work.get()));
	}

	/** This instance's lock first (cheap), then the cluster-wide ShedLock row. */
	private <T> Optional<T> underPollLocks(String action, Supplier<Optional<T>> work) {
		if (!this.running.tryLock()) {
			log.info("A poll is already running in this instance; skipping");
			return Optional.empty();
		}
		try {
			var lock = this.lockProvider
				.lock(new LockConfiguration(this.clock.instant(), LOCK_NAME, this.lockAtMostFor, Duration.ZERO));
			if (lock.isEmpty()) {
				log.debug("Another instance holds the poll lock; skipping");
				return Optional.empty();
			}
			// the heartbeat tells the operator this lock is held by a live instance
			try (var beat = this.heartbeat.start(LOCK_NAME, action)) {
				return work.get();
			}
			finally {
				lock.get().unlock();
			}
		}
		finally {
			this.running.unlock();
		}
	}

	public boolean isRunning() {
		return this.running.isLocked();
	}

	private PollRun pollLocked() {
		var podcast = podcast();
		var started = this.clock.instant();
		var feedUrl = podcast.getFeedUrl();
		var run = this.runs.save(new PollRun(podcast.getId(), feedUrl, started));
		boolean unconditional = podcast.getLastUnconditionalAt() == null
				|| podcast.getLastUnconditionalAt().plus(this.properties.unconditionalInterval()).isBefore(started);
		Integer httpStatus = null;
		Long bytes = null;
		var counts = PollCounts.NONE;
		var sample = Timer.start(this.meters);
		try {
			var fetched = this.fetcher.fetch(URI.create(feedUrl), unconditional ? null : podcast.getEtag(),
					unconditional ? null : podcast.getLastModified());
			httpStatus = fetched.status();
			if (fetched.notModified()) {
				finishSuccess(podcast.getId(), run, PollRun.Outcome.NOT_MODIFIED, fetched, 0L, counts, false);
				this.fetchedBytes.record(0);
				log.info("Poll of {}: not modified (HTTP 304) in {} ms", LogText.of(feedUrl), millisSince(started));
				return run;
			}
			bytes = (long) fetched.body().length;
			this.fetchedBytes.record(bytes);
			var parsed = this.parser.parse(fetched.body(), fetched.contentType());
			counts = store(podcast.getId(), run.getId(), parsed);
			podcastMeta(podcast.getId(), parsed);
			finishSuccess(podcast.getId(), run, PollRun.Outcome.SUCCESS, fetched, bytes, counts, unconditional);
			log.info("Poll of {}: {} items, {} new, {} updated, {} unchanged, {} failed, {} bytes in {} ms",
					LogText.of(feedUrl), counts.seen(), counts.created(), counts.updated(), counts.unchanged(),
					counts.failed(), bytes, millisSince(started));
		}
		catch (FeedFetchException ex) {
			var status = (ex.httpStatus() != null) ? ex.httpStatus() : httpStatus;
			var after = finishFailure(podcast.getId(), run, status, bytes, counts, ex.getMessage(), ex.retryAfter(),
					ex.gone());
			log.warn("Poll of {} failed: HTTP {}, {} items stored before failing, next attempt {}, {} in {} ms: {}",
					LogText.of(feedUrl), (status != null) ? status : "none", counts.created() + counts.updated(),
					nextAttempt(after), failuresInARow(after), millisSince(started), LogText.of(ex.getMessage()));
		}
		catch (RuntimeException ex) {
			var after = finishFailure(podcast.getId(), run, httpStatus, bytes, counts,
					"Unexpected error: " + ex.getClass().getSimpleName() + ": " + ex.getMessage(), null, false);
			log.error("Poll of {} failed unexpectedly: HTTP {}, next attempt {}, {} in {} ms", LogText.of(feedUrl),
					(httpStatus != null) ? httpStatus : "none", nextAttempt(after), failuresInARow(after),
					millisSince(started), ex);
		}
		finally {
			record(sample, run.getOutcome(), counts);
		}
		return run;
	}

	private void record(Timer.Sample sample, PollRun.Outcome outcome, PollCounts counts) {
		var tag = outcome.name().toLowerCase(Locale.ROOT);
		sample.stop(Timer.builder("archive.poll.duration")
			.description("Time one poll of the feed took, fetch and storing included")
			.tag("outcome", tag)
			.register(this.meters));
		count("new", counts.created());
		count("updated", counts.updated());
		count("unchanged", counts.unchanged());
		count("failed", counts.failed());
	}

	private void count(String result, int amount) {
		this.meters.counter("archive.poll.items", "result", result).increment(amount);
	}

	private static String nextAttempt(Podcast after) {
		return (after.getNextPollAt() != null) ? "at " + after.getNextPollAt()
				: "never (feed marked gone; resume from /admin)";
	}

	private static String failuresInARow(Podcast after) {
		return after.getConsecutiveFailures() + " consecutive failure(s)";
	}

	private PollCounts store(long podcastId, long runId, ParsedFeed parsed) {
		var stored = new HashMap<String, String>();
		for (StoredHash hash : this.episodes.findHashes(podcastId)) {
			stored.put(hash.guid(), hash.contentHash());
		}
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		int failed = 0;
		var seenKeys = new LinkedHashSet<String>();
		var problems = new ArrayList<PollItemFailure>();
		for (var error : parsed.itemErrors()) {
			failed++;
			problems.add(new PollItemFailure(runId, error.key(), error.title(), error.message()));
		}
		var now = this.clock.instant();
		var feedKeys = new HashSet<String>();
		parsed.items().forEach((item) -> feedKeys.add(EpisodeIngestService.identityKey(item)));
		for (var item : parsed.items()) {
			var key = EpisodeIngestService.identityKey(item);
			if (!seenKeys.add(key)) {
				log.info("The feed lists '{}' ({}) more than once; storing the first", LogText.of(item.title()),
						LogText.of(key));
				continue;
			}
			if (EpisodeIngestService.contentHash(item).equals(stored.get(key))) {
				unchanged++;
				continue;
			}
			try {
				var outcome = this.ingest.ingest(podcastId, item, now, feedKeys);
				switch (outcome) {
					case NEW -> created++;
					case UPDATED -> updated++;
					case UNCHANGED -> unchanged++;
				}
			}
			catch (RuntimeException ex) {
				failed++;
				log.warn("Could not store feed item '{}' ({}): {}", LogText.of(item.title()), LogText.of(key),
						LogText.of(ex.getMessage()));
				problems.add(new PollItemFailure(runId, key, item.title(), ex.getClass().getSimpleName() + ": "
						+ ((ex.getMessage() != null) ? ex.getMessage() : "no message")));
			}
		}
		if (!problems.isEmpty()) {
			this.failures.saveAll(problems);
		}
		if (!seenKeys.isEmpty()) {
			this.tx.executeWithoutResult((status) -> this.episodes.markSeen(podcastId, seenKeys, now));
		}
		return new PollCounts(seenKeys.size() + parsed.itemErrors().size(), created, updated, unchanged, failed);
	}

	private void podcastMeta(long podcastId, ParsedFeed parsed) {
		this.tx.executeWithoutResult((status) -> this.podcasts.findById(podcastId)
			.ifPresent((p) -> p.describe(parsed, this.clock.instant())));
	}

	private void finishSuccess(long podcastId, PollRun run, PollRun.Outcome outcome, FetchResult fetched, Long bytes,
			PollCounts counts, boolean unconditional) {
		var now = this.clock.instant();
		this.tx.executeWithoutResult((status) -> {
			var podcast = this.podcasts.findById(podcastId).orElseThrow();
			podcast.succeeded(now, fetched.etag(), fetched.lastModified(), unconditional,
					this.properties.pollInterval());
			if (fetched.permanentlyRedirected()) {
				var target = fetched.finalUrl().toString();
				if (podcast.permanentRedirectSeen(target, this.properties.redirectConfirmations(), now)) {
					log.warn("The feed has moved permanently to {}; polling that URL from now on", LogText.of(target));
				}
			}
			else {
				podcast.noPermanentRedirect();
			}
			var message = (fetched.permanentlyRedirected() && podcast.getRedirectCandidateUrl() != null)
					? "Permanently redirected to " + fetched.finalUrl() + " (seen " + podcast.getRedirectSeenCount()
							+ " of " + this.properties.redirectConfirmations() + " times before adopting it)"
					: (fetched.permanentlyRedirected() ? "Feed URL changed to " + fetched.finalUrl() : null);
			run.finish(outcome, fetched.status(), bytes, counts, message, now);
			this.runs.save(run);
		});
	}

	private Podcast finishFailure(long podcastId, PollRun run, Integer httpStatus, Long bytes, PollCounts counts,
			String message, Duration retryAfter, boolean gone) {
		var now = this.clock.instant();
		return this.tx.execute((status) -> {
			var podcast = this.podcasts.findById(podcastId).orElseThrow();
			if (gone) {
				podcast.markGone(now);
				log.warn("The feed {} answered 410 Gone: polling stops; the archive stays browsable",
						LogText.of(podcast.getFeedUrl()));
			}
			else {
				podcast.failed(now, backoff(podcast.getConsecutiveFailures() + 1, retryAfter));
			}
			run.finish(PollRun.Outcome.FAILED, httpStatus, bytes, counts, message, now);
			this.runs.save(run);
			return podcast;
		});
	}

	/**
	 * Exponential backoff with ±20 % jitter, capped at {@code archive.backoff-max}; a
	 * server's {@code Retry-After} is honoured when it asks for longer (up to a day).
	 */
	Duration backoff(int failures, Duration retryAfter) {
		var initial = this.properties.backoffInitial();
		var max = this.properties.backoffMax();
		long factor = 1L << Math.min(failures - 1, 20);
		var delay = initial.multipliedBy(factor);
		if (delay.compareTo(max) > 0 || delay.isNegative()) {
			delay = max;
		}
		double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
		delay = Duration.ofMillis((long) (delay.toMillis() * jitter));
		if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
			delay = (retryAfter.compareTo(Duration.ofDays(1)) > 0) ? Duration.ofDays(1) : retryAfter;
		}
		return delay;
	}

	private long millisSince(Instant start) {
		return Duration.between(start, this.clock.instant()).toMillis();
	}

}
