package ai.interconnects.archive.feed;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

import ai.interconnects.archive.episode.EpisodeIngestService;
import ai.interconnects.archive.episode.EpisodeRepository;
import ai.interconnects.archive.episode.StoredHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One poll of the configured feed: fetch, parse, store every item, record the run.
 * <p>
 * Whatever goes wrong (network, HTTP status, unparseable XML, one bad item) is recorded
 * in {@code poll_run} and logged; nothing already stored is changed by a failed poll.
 * Items are stored one transaction each (see {@link EpisodeIngestService}).
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

	PollService(FeedProperties properties, FeedFetcher fetcher, FeedParser parser, PodcastRepository podcasts,
			PollRunRepository runs, PollItemFailureRepository failures, EpisodeRepository episodes,
			EpisodeIngestService ingest, TransactionTemplate tx, Optional<Clock> clock) {
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
	}

	/** The configured feed's row, created on first use. */
	public Podcast podcast() {
		var configured = this.properties.feedUrl().toString();
		return this.tx.execute((status) -> this.podcasts.findByConfiguredUrl(configured)
			.orElseGet(() -> this.podcasts.save(new Podcast(configured, this.clock.instant()))));
	}

	/** Whether the feed is due: never polled, or its next poll time has come. */
	public boolean isDue() {
		var podcast = podcast();
		if (podcast.getStatus() == Podcast.Status.GONE) {
			return false;
		}
		return podcast.getNextPollAt() == null || !podcast.getNextPollAt().isAfter(this.clock.instant());
	}

	/**
	 * Polls now, unless a poll is already running in this instance.
	 * @return the recorded run, or empty when another poll was running
	 */
	public Optional<PollRun> poll() {
		if (!this.running.tryLock()) {
			log.info("A poll is already running; skipping this one");
			return Optional.empty();
		}
		try {
			return Optional.of(pollLocked());
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
		try {
			var fetched = this.fetcher.fetch(URI.create(feedUrl), unconditional ? null : podcast.getEtag(),
					unconditional ? null : podcast.getLastModified());
			httpStatus = fetched.status();
			if (fetched.notModified()) {
				finishSuccess(podcast.getId(), run, PollRun.Outcome.NOT_MODIFIED, fetched, 0L, counts, false);
				log.info("Poll of {}: not modified (HTTP 304) in {} ms", feedUrl, millisSince(started));
				return run;
			}
			bytes = (long) fetched.body().length;
			var parsed = this.parser.parse(fetched.body(), fetched.contentType());
			counts = store(podcast.getId(), run.getId(), parsed);
			podcastMeta(podcast.getId(), parsed);
			finishSuccess(podcast.getId(), run, PollRun.Outcome.SUCCESS, fetched, bytes, counts, unconditional);
			log.info("Poll of {}: {} items, {} new, {} updated, {} unchanged, {} failed, {} bytes in {} ms", feedUrl,
					counts.seen(), counts.created(), counts.updated(), counts.unchanged(), counts.failed(), bytes,
					millisSince(started));
		}
		catch (FeedFetchException ex) {
			var status = (ex.httpStatus() != null) ? ex.httpStatus() : httpStatus;
			finishFailure(podcast.getId(), run, status, bytes, counts, ex.getMessage(), ex.retryAfter(), ex.gone());
			log.warn("Poll of {} failed: {}", feedUrl, ex.getMessage());
		}
		catch (RuntimeException ex) {
			finishFailure(podcast.getId(), run, httpStatus, bytes, counts,
					"Unexpected error: " + ex.getClass().getSimpleName() + ": " + ex.getMessage(), null, false);
			log.error("Poll of {} failed unexpectedly", feedUrl, ex);
		}
		return run;
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
		for (var item : parsed.items()) {
			var key = EpisodeIngestService.identityKey(item);
			if (!seenKeys.add(key)) {
				log.info("The feed lists '{}' ({}) more than once; storing the first", item.title(), key);
				continue;
			}
			if (EpisodeIngestService.contentHash(item).equals(stored.get(key))) {
				unchanged++;
				continue;
			}
			try {
				var outcome = this.ingest.ingest(podcastId, item, now);
				switch (outcome) {
					case NEW -> created++;
					case UPDATED -> updated++;
					case UNCHANGED -> unchanged++;
				}
			}
			catch (RuntimeException ex) {
				failed++;
				log.warn("Could not store feed item '{}' ({}): {}", item.title(), key, ex.getMessage());
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
					log.warn("The feed has moved permanently to {}; polling that URL from now on", target);
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

	private void finishFailure(long podcastId, PollRun run, Integer httpStatus, Long bytes, PollCounts counts,
			String message, Duration retryAfter, boolean gone) {
		var now = this.clock.instant();
		this.tx.executeWithoutResult((status) -> {
			var podcast = this.podcasts.findById(podcastId).orElseThrow();
			if (gone) {
				podcast.markGone(now);
				log.warn("The feed {} answered 410 Gone: polling stops; the archive stays browsable",
						podcast.getFeedUrl());
			}
			else {
				podcast.failed(now, backoff(podcast.getConsecutiveFailures() + 1, retryAfter));
			}
			run.finish(PollRun.Outcome.FAILED, httpStatus, bytes, counts, message, now);
			this.runs.save(run);
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
