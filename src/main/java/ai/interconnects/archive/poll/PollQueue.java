package ai.interconnects.archive.poll;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shows waiting for a poll and the polls running, in one instance: which start next.
 * <p>
 * At most {@code maxConcurrent} polls run at once, and at most {@code perHost} of them
 * against one host (see {@link HostKeys}). The show due first starts first; a show whose
 * host is at its limit waits while shows on other hosts go ahead, so a slow host delays
 * only its own shows. A show is queued once however often it is offered, and never while
 * its poll runs.
 *
 * @param <T> what identifies a show (its id)
 */
final class PollQueue<T> {

	private final int maxConcurrent;

	private final int perHost;

	private final Map<T, Waiting<T>> waiting = new LinkedHashMap<>();

	private final Map<T, String> running = new HashMap<>();

	private final Map<String, Integer> runningPerHost = new HashMap<>();

	private int mostRunning;

	private long order;

	/** A show in the queue: its host key, when it became due, and when it was offered. */
	record Waiting<T>(T show, String host, Instant dueAt, long order) {
	}

	PollQueue(int maxConcurrent, int perHost) {
		if (maxConcurrent < 1 || perHost < 1) {
			throw new IllegalArgumentException("maxConcurrent and perHost must be at least 1");
		}
		this.maxConcurrent = maxConcurrent;
		this.perHost = perHost;
	}

	/**
	 * Queues {@code show} unless it is queued or running already.
	 * @return whether it was queued now
	 */
	synchronized boolean offer(T show, String host, Instant dueAt) {
		if (this.running.containsKey(show) || this.waiting.containsKey(show)) {
			return false;
		}
		this.waiting.put(show, new Waiting<>(show, host, dueAt, this.order++));
		return true;
	}

	/**
	 * The shows to start now, marked running: the earliest due first, as many as the free
	 * places allow, skipping those whose host is full.
	 */
	synchronized List<Waiting<T>> take() {
		var started = new ArrayList<Waiting<T>>();
		if (this.running.size() >= this.maxConcurrent || this.waiting.isEmpty()) {
			return started;
		}
		var byDue = new ArrayList<>(this.waiting.values());
		byDue.sort(Comparator.comparing(Waiting<T>::dueAt).thenComparingLong(Waiting::order));
		for (var next : byDue) {
			if (this.running.size() >= this.maxConcurrent) {
				break;
			}
			if (this.runningPerHost.getOrDefault(next.host(), 0) >= this.perHost) {
				continue;
			}
			this.waiting.remove(next.show());
			this.running.put(next.show(), next.host());
			this.runningPerHost.merge(next.host(), 1, Integer::sum);
			started.add(next);
		}
		this.mostRunning = Math.max(this.mostRunning, this.running.size());
		return started;
	}

	/** Marks {@code show}'s poll as ended, freeing its place and its host's. */
	synchronized void finished(T show) {
		var host = this.running.remove(show);
		if (host != null) {
			this.runningPerHost.computeIfPresent(host, (key, count) -> (count <= 1) ? null : count - 1);
		}
	}

	/**
	 * Drops a show that is waiting (removed or paused meanwhile); a running poll ends on
	 * its own.
	 */
	synchronized void withdraw(T show) {
		this.waiting.remove(show);
	}

	synchronized int running() {
		return this.running.size();
	}

	synchronized int waiting() {
		return this.waiting.size();
	}

	synchronized int runningAt(String host) {
		return this.runningPerHost.getOrDefault(host, 0);
	}

	/** The most polls that ever ran at once. */
	synchronized int mostRunning() {
		return this.mostRunning;
	}

}
