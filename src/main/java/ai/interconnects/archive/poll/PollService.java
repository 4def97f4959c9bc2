package ai.interconnects.archive.poll;

import ai.interconnects.archive.show.Podcast;
import ai.interconnects.archive.show.PodcastRepository;

import java.net.URI;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import ai.interconnects.archive.episode.EpisodeIngestService;
import ai.interconnects.archive.feed.client.FeedClient;
import ai.interconnects.archive.feed.client.FeedException;
import ai.interconnects.archive.feed.client.FeedProperties;
import ai.interconnects.archive.feed.client.FetchResult;

import org.springframework.stereotype.Service;

/**
 * One poll of the configured feed: lock, fetch, parse, store every item, record the run.
 * <p>
 * Whatever goes wrong (network, HTTP status, unparseable XML, one bad item) is recorded
 * in {@code poll_run} and logged; nothing already stored is changed by a failed poll.
 * Items are stored one transaction each (see {@link EpisodeIngestService}).
 * <p>
 * The due check is made after taking the {@link PollLock}, on the podcast row as the
 * previous holder left it: an instance that gets the lock right after another one polled
 * finds nothing due.
 */
@Service
public class PollService {

	private final FeedProperties feed;

	private final PollProperties properties;

	private final FeedClient client;

	private final EpisodeIngestService ingest;

	private final PollRecorder recorder;

	private final PollLock lock;

	private final PollMetrics metrics;

	private final Clock clock;

	private final PublisherFileFetcher files;

	private final PodcastRepository podcasts;

	PollService(FeedProperties feed, PollProperties properties, FeedClient client, EpisodeIngestService ingest,
			PollRecorder recorder, PollLock lock, PollMetrics metrics, Clock clock, PublisherFileFetcher files,
			PodcastRepository podcasts) {
		this.podcasts = podcasts;
		this.files = files;
		this.feed = feed;
		this.properties = properties;
		this.client = client;
		this.ingest = ingest;
		this.recorder = recorder;
		this.lock = lock;
		this.metrics = metrics;
		this.clock = clock;
	}

	/** The configured feed's row, created on first use. */
	public Podcast podcast() {
		return this.recorder.findOrCreate(this.feed.url().toString());
	}

	/** The configured feed's row if it exists yet; never creates it. */
	public Optional<Podcast> findPodcast() {
		return this.recorder.find(this.feed.url().toString());
	}

	/**
	 * Marks a feed that answered 410 Gone as active again and due at once, for an
	 * operator who knows it is back.
	 * @return whether the feed was gone
	 */
	public boolean resumePolling() {
		return this.recorder.resume(podcast().getId());
	}

	/** Whether the feed is due: never polled, or its next poll time has come. */
	public boolean isDue() {
		return isDue(podcast());
	}

	boolean isDue(Podcast podcast) {
		return podcast.isDue(this.clock.instant());
	}

	boolean isDueAtStartup(Podcast podcast) {
		return podcast.isDueAtStartup(this.clock.instant(), this.properties.interval());
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
	 * Polls if {@code due} says so of the podcast row as read after taking the lock.
	 * @return the recorded run, or empty when another poll was running or it was not due
	 */
	Optional<PollRun> pollIf(Predicate<Podcast> due) {
		return this.lock.runExclusively("poll", () -> {
			var podcast = podcast();
			return due.test(podcast) ? Optional.of(pollOnce(podcast)) : Optional.empty();
		});
	}

	/**
	 * Polls show {@code podcastId} now under its own lock (the operator's "poll now"),
	 * unless a poll of it is running here or in another instance.
	 * @return the recorded run, or empty when a poll of it was running or it is unknown
	 */
	public Optional<PollRun> pollShow(long podcastId) {
		return pollShowIf(podcastId, (podcast) -> true);
	}

	/**
	 * Polls show {@code podcastId} if {@code due} says so of its row read under its lock.
	 */
	Optional<PollRun> pollShowIf(long podcastId, Predicate<Podcast> due) {
		var known = this.podcasts.findById(podcastId);
		if (known.isEmpty()) {
			return Optional.empty();
		}
		var name = this.lock.nameOf(podcastId, known.get().getConfiguredUrl());
		return this.lock.runExclusively(name, podcastId, "poll",
				() -> this.podcasts.findById(podcastId).filter(due).map(this::pollOnce));
	}

	/** Every show's row, oldest first: the scheduler picks the due ones. */
	List<Podcast> shows() {
		var all = this.podcasts.findAll();
		all.sort(Comparator.comparing(Podcast::getId));
		return all;
	}

	private PollRun pollOnce(Podcast podcast) {
		var run = this.recorder.started(podcast);
		boolean unconditional = podcast.needsUnconditionalFetch(run.getStartedAt(),
				this.properties.unconditionalInterval());
		var sample = this.metrics.start();
		FetchResult fetched = null;
		var counts = PollCounts.NONE;
		try {
			fetched = this.client.fetch(URI.create(podcast.getFeedUrl()), unconditional ? null : podcast.getEtag(),
					unconditional ? null : podcast.getLastModified());
			this.metrics.fetched(fetched.notModified() ? 0 : fetched.body().length);
			if (fetched.notModified()) {
				// a back catalogue of linked files keeps filling in while the feed is
				// unchanged
				this.recorder.succeeded(run, fetched, null, null, false, this.files.fetchDue(podcast.getId()).note());
				return run;
			}
			var parsed = this.client.parse(fetched.body(), fetched.contentType());
			var ingested = this.ingest.ingestFeed(podcast.getId(), parsed.items(), this.clock.instant());
			counts = PollCounts.of(parsed, ingested);
			var files = this.files.fetchDue(podcast.getId());
			this.recorder.succeeded(run, fetched, parsed, ingested, unconditional, files.note());
		}
		catch (FeedException | RuntimeException ex) {
			this.recorder.failed(run, fetched, counts, ex);
		}
		finally {
			this.metrics.finished(sample, run.getOutcome(), counts);
		}
		return run;
	}

}
