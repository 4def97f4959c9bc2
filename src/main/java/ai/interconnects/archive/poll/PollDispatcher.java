package ai.interconnects.archive.poll;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import ai.interconnects.archive.LogText;
import ai.interconnects.archive.show.Podcast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs the due shows' polls on a small pool of its own, through a {@link PollQueue}: at
 * most {@code archive.poll.max-concurrent} at once and {@code archive.poll.max-per-host}
 * per host, the show due first starting first. A poll that ends frees its place at once
 * (the next waiting show starts without waiting for the next tick), and a show whose host
 * is busy waits while shows on other hosts go ahead: a slow or broken feed delays only
 * its own host's shows.
 */
@Component
class PollDispatcher implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(PollDispatcher.class);

	private final PollService polls;

	private final PollQueue<Long> queue;

	/** What each queued show is polled under: due now, or due at start-up. */
	private final Map<Long, Predicate<Podcast>> dueRules = new ConcurrentHashMap<>();

	private final ExecutorService pool;

	PollDispatcher(PollService polls, PollProperties properties) {
		this.polls = polls;
		this.queue = new PollQueue<>(properties.maxConcurrent(), properties.maxPerHost());
		var threads = new AtomicInteger();
		// threads start on the first poll: an instance that never polls has none
		this.pool = new ThreadPoolExecutor(properties.maxConcurrent(), properties.maxConcurrent(), 0L,
				TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), (task) -> {
					var thread = new Thread(task, "feed-poll-" + threads.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
	}

	/**
	 * Queues {@code podcast} (unless it is queued or polling already) to be polled if
	 * {@code due} still holds of its row once its lock is taken.
	 */
	void offer(Podcast podcast, Predicate<Podcast> due) {
		var dueAt = (podcast.getNextPollAt() != null) ? podcast.getNextPollAt() : Instant.EPOCH;
		// before queueing, so that the rule is there when a pool thread starts it; a show
		// already queued or polling keeps the rule it has
		this.dueRules.putIfAbsent(podcast.getId(), due);
		this.queue.offer(podcast.getId(), HostKeys.of(hostOf(podcast.getFeedUrl())), dueAt);
	}

	/** Starts as many queued polls as the limits allow. */
	void dispatch() {
		for (var next : this.queue.take()) {
			try {
				this.pool.execute(() -> run(next.show()));
			}
			catch (RejectedExecutionException ex) {
				// shutting down
				this.queue.finished(next.show());
				return;
			}
		}
	}

	private void run(long podcastId) {
		try {
			this.polls.pollShowIf(podcastId, this.dueRules.getOrDefault(podcastId, this.polls::isDue));
		}
		catch (RuntimeException ex) {
			// one show's failure (a database outage included) never stops the others
			log.error("The poll of show {} failed: {}", podcastId, LogText.of(ex.getMessage()), ex);
		}
		finally {
			this.dueRules.remove(podcastId);
			this.queue.finished(podcastId);
		}
		dispatch();
	}

	/** Polls running in this instance now. */
	int running() {
		return this.queue.running();
	}

	/** The most polls that ever ran at once in this instance. */
	int mostRunning() {
		return this.queue.mostRunning();
	}

	private static URI hostOf(String feedUrl) {
		try {
			return URI.create(feedUrl);
		}
		catch (IllegalArgumentException ex) {
			return URI.create("about:invalid");
		}
	}

	@Override
	public void destroy() {
		this.pool.shutdownNow();
	}

}
