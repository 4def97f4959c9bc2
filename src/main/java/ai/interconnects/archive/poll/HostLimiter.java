package ai.interconnects.archive.poll;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * At most {@code perHost} requests to one host (see {@link HostKeys}) at a time in this
 * instance, so that a library of many shows on one hosting company (Substack, Libsyn,
 * Megaphone) never opens more than a couple of connections to it at once. A host's count
 * is dropped when its last request ends; the highest count seen per host (one number per
 * host ever asked, a few hundred in a large library) is kept for the admin page, the
 * benchmark and the tests.
 */
final class HostLimiter {

	private final int perHost;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition released = this.lock.newCondition();

	private final Map<String, Integer> inUse = new HashMap<>();

	private final Map<String, Integer> mostSeen = new HashMap<>();

	HostLimiter(int perHost) {
		if (perHost < 1) {
			throw new IllegalArgumentException("perHost must be at least 1, was " + perHost);
		}
		this.perHost = perHost;
	}

	/** A request's place at its host, given back by closing it. */
	interface Permit extends AutoCloseable {

		@Override
		void close();

	}

	/** A permit for {@code host} if one is free now, else {@code null}. */
	Permit tryAcquire(String host) {
		this.lock.lock();
		try {
			return take(host) ? permit(host) : null;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * A permit for {@code host}, waiting at most {@code wait} for one to be given back.
	 * @return the permit, or {@code null} when none came free in time
	 */
	Permit acquire(String host, Duration wait) throws InterruptedException {
		long nanos = wait.toNanos();
		this.lock.lock();
		try {
			while (!take(host)) {
				if (nanos <= 0) {
					return null;
				}
				nanos = this.released.awaitNanos(nanos);
			}
			return permit(host);
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Requests to {@code host} in flight now. */
	int inUse(String host) {
		this.lock.lock();
		try {
			return this.inUse.getOrDefault(host, 0);
		}
		finally {
			this.lock.unlock();
		}
	}

	/** The most requests ever in flight at once to any one host, and to which. */
	Map<String, Integer> mostSeen() {
		this.lock.lock();
		try {
			return Map.copyOf(this.mostSeen);
		}
		finally {
			this.lock.unlock();
		}
	}

	private boolean take(String host) {
		int now = this.inUse.getOrDefault(host, 0);
		if (now >= this.perHost) {
			return false;
		}
		this.inUse.put(host, now + 1);
		this.mostSeen.merge(host, now + 1, Math::max);
		return true;
	}

	private Permit permit(String host) {
		var closed = new boolean[1];
		return () -> {
			this.lock.lock();
			try {
				if (closed[0]) {
					return;
				}
				closed[0] = true;
				this.inUse.computeIfPresent(host, (key, count) -> (count <= 1) ? null : count - 1);
				this.released.signalAll();
			}
			finally {
				this.lock.unlock();
			}
		};
	}

}
