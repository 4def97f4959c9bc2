package ai.interconnects.archive.poll;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
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
 */
@Component
public class PollLock {

	private static final Logger log = LoggerFactory.getLogger(PollLock.class);

	/** The ShedLock name shared by every instance. */
	public static final String LOCK_NAME = "archive-feed-poll";

	private final ReentrantLock running = new ReentrantLock();

	private final LockProvider lockProvider;

	private final Duration lockAtMostFor;

	private final Clock clock;

	private final LockHeartbeat heartbeat;

	private final PollRecorder recorder;

	PollLock(LockProvider lockProvider, PollProperties properties, FeedProperties feed, Clock clock,
			LockHeartbeat heartbeat, PollRecorder recorder) {
		this.lockProvider = lockProvider;
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

	/**
	 * Runs {@code work} holding both locks, with a heartbeat naming {@code action} (so
	 * the operator can tell a live holder from one that died).
	 * @return the work's result, or empty when a poll (or other exclusive work) holds
	 * them
	 */
	public <T> Optional<T> runExclusively(String action, Supplier<Optional<T>> work) {
		if (!this.running.tryLock()) {
			log.info("A poll is already running in this instance; skipping");
			return Optional.empty();
		}
		try {
			var lock = lock();
			if (lock.isEmpty() && this.heartbeat.breakStale(LOCK_NAME, this.recorder::finishInterrupted)) {
				// Its holder stopped beating (killed, crashed): nobody else would release
				// it
				// before lock-at-most-for.
				log.warn("Released the poll lock left by an instance that stopped sending its heartbeat");
				lock = lock();
			}
			if (lock.isEmpty()) {
				log.debug("Another instance holds the poll lock; skipping");
				return Optional.empty();
			}
			try (var beat = this.heartbeat.start(LOCK_NAME, action)) {
				// Holding the lock, no run is live in any instance: one still "running"
				// was left by an instance that died.
				this.recorder.finishInterrupted();
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

	private Optional<SimpleLock> lock() {
		return this.lockProvider
			.lock(new LockConfiguration(this.clock.instant(), LOCK_NAME, this.lockAtMostFor, Duration.ZERO));
	}

	/** Whether this instance holds the locks right now. */
	public boolean isHeld() {
		return this.running.isLocked();
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
		return this.heartbeat.breakStale(LOCK_NAME, this.recorder::finishInterrupted);
	}

}
