package ai.interconnects.archive.poll;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import ai.interconnects.archive.feed.client.FeedProperties;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The poll's two locks: one for this instance (cheap, taken first), and a ShedLock row in
 * the database for all instances sharing it, so that only one of them polls at a time. A
 * row left by an instance that died (its heartbeat stale) is released by the next
 * instance that wants to poll, without waiting for {@code lock-at-most-for}.
 * <p>
 * Each show has its own pair: the configured show keeps the name it always had,
 * {@link #LOCK_NAME}; every other show is {@code archive-feed-poll:{id}} (see
 * {@link #nameOf}), so one show's slow poll never holds up another's.
 */
@Component
public class PollLock {

	private static final Logger log = LoggerFactory.getLogger(PollLock.class);

	/** The ShedLock name shared by every instance. */
	public static final String LOCK_NAME = "archive-feed-poll";

	private final Map<String, ReentrantLock> running = new ConcurrentHashMap<>();

	private final FeedProperties feed;

	private final LockProvider lockProvider;

	private final Duration lockAtMostFor;

	private final Clock clock;

	private final LockHeartbeat heartbeat;

	private final PollRecorder recorder;

	PollLock(LockProvider lockProvider, PollProperties properties, FeedProperties feed, Clock clock,
			LockHeartbeat heartbeat, PollRecorder recorder) {
		this.lockProvider = lockProvider;
		this.feed = feed;
		this.heartbeat = heartbeat;
		this.recorder = recorder;
		this.lockAtMostFor = properties.lockAtMostFor();
		this.clock = clock;
		if (this.lockAtMostFor.compareTo(feed.deadline()) <= 0) {
			// The lock would expire while a slow poll is still running, and a second
			// instance could start polling alongside it.
			throw new IllegalStateException("archive.poll.lock-at-most-for (" + this.lockAtMostFor
					+ ") must be longer than archive.feed.deadline (" + feed.deadline() + ")");
		}
	}

	/** The lock name of show {@code podcastId}, whose configured URL is given. */
	String nameOf(long podcastId, String configuredUrl) {
		return this.feed.url().toString().equals(configuredUrl) ? LOCK_NAME : LOCK_NAME + ":" + podcastId;
	}

	/**
	 * Runs {@code work} holding the configured show's locks, with a heartbeat naming
	 * {@code action} (so the operator can tell a live holder from one that died).
	 * @return the work's result, or empty when a poll (or other exclusive work) holds
	 * them
	 */
	public <T> Optional<T> runExclusively(String action, Supplier<Optional<T>> work) {
		return runExclusively(LOCK_NAME, action, this::interruptedOfConfiguredShow, work);
	}

	/**
	 * Runs {@code work} holding the locks of show {@code podcastId} (configured at
	 * {@code configuredUrl}), as its polls take them.
	 * @return the work's result, or empty when a poll of the show holds them
	 */
	public <T> Optional<T> runExclusivelyForShow(long podcastId, String configuredUrl, String action,
			Supplier<Optional<T>> work) {
		var name = nameOf(podcastId, configuredUrl);
		return LOCK_NAME.equals(name) ? runExclusively(action, work) : runExclusively(name, podcastId, action, work);
	}

	/**
	 * Runs {@code work} holding show {@code podcastId}'s locks, named {@code lockName}.
	 */
	<T> Optional<T> runExclusively(String lockName, long podcastId, String action, Supplier<Optional<T>> work) {
		return runExclusively(lockName, action, () -> this.recorder.finishInterrupted(podcastId), work);
	}

	private <T> Optional<T> runExclusively(String lockName, String action, Runnable finishInterrupted,
			Supplier<Optional<T>> work) {
		var local = this.running.computeIfAbsent(lockName, (name) -> new ReentrantLock());
		if (!local.tryLock()) {
			log.info("A poll is already running in this instance; skipping");
			return Optional.empty();
		}
		try {
			var lock = lock(lockName);
			if (lock.isEmpty() && this.heartbeat.breakStale(lockName, finishInterrupted)) {
				// Its holder stopped beating (killed, crashed): nobody else would release
				// it before lock-at-most-for.
				log.warn("Released the poll lock {} left by an instance that stopped sending its heartbeat", lockName);
				lock = lock(lockName);
			}
			if (lock.isEmpty()) {
				log.debug("Another instance holds the poll lock {}; skipping", lockName);
				return Optional.empty();
			}
			try (var beat = this.heartbeat.start(lockName, action)) {
				// Holding the lock, no run of this show is live in any instance: one
				// still "running" was left by an instance that died.
				finishInterrupted.run();
				return work.get();
			}
			finally {
				lock.get().unlock();
			}
		}
		finally {
			local.unlock();
		}
	}

	private void interruptedOfConfiguredShow() {
		this.recorder.find(this.feed.url().toString())
			.ifPresent((podcast) -> this.recorder.finishInterrupted(podcast.getId()));
	}

	private Optional<SimpleLock> lock(String lockName) {
		return this.lockProvider
			.lock(new LockConfiguration(this.clock.instant(), lockName, this.lockAtMostFor, Duration.ZERO));
	}

	/** Whether this instance holds the locks right now. */
	public boolean isHeld() {
		return isHeld(LOCK_NAME);
	}

	/** Whether this instance holds lock {@code lockName} right now. */
	public boolean isHeld(String lockName) {
		var local = this.running.get(lockName);
		return local != null && local.isLocked();
	}

	/**
	 * Releases the lock if the instance holding it died (its heartbeat is stale),
	 * recording the run it left behind as interrupted in the same transaction, before
	 * anyone can poll again.
	 * @return whether a stale lock was released
	 */
	public boolean breakStale() {
		if (isHeld()) {
			// This instance is alive and holds it: its heartbeat only failed to write.
			return false;
		}
		return this.heartbeat.breakStale(LOCK_NAME, this::interruptedOfConfiguredShow);
	}

}
