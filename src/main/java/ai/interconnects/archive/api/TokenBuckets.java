package ai.interconnects.archive.api;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per client address: {@code burst} tokens, refilled at
 * {@code perMinute} a minute; a request takes one. Memory is bounded: at most
 * {@code maxClients} buckets are kept. When that is reached, buckets that have refilled
 * completely (clients idle long enough to be forgotten without changing anything) are
 * dropped, and if that frees nothing, the map is emptied: under a flood of distinct
 * addresses limiting degrades to "everyone starts with a full bucket" rather than to
 * unbounded memory or refusing newcomers.
 */
final class TokenBuckets {

	private final double capacity;

	private final double perNano;

	private final int maxClients;

	private final LongSupplier nanoTime;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	TokenBuckets(int burst, int perMinute, int maxClients, LongSupplier nanoTime) {
		this.capacity = burst;
		this.perNano = perMinute / 60e9;
		this.maxClients = maxClients;
		this.nanoTime = nanoTime;
	}

	private static final class Bucket {

		double tokens;

		long updated;

		Bucket(double tokens, long updated) {
			this.tokens = tokens;
			this.updated = updated;
		}

	}

	/**
	 * Takes a token for {@code client}; returns 0 when granted, else the whole seconds to
	 * wait for the next token.
	 */
	long take(String client) {
		long now = this.nanoTime.getAsLong();
		if (this.buckets.size() >= this.maxClients && !this.buckets.containsKey(client)) {
			evict(now);
		}
		var bucket = this.buckets.computeIfAbsent(client, (key) -> new Bucket(this.capacity, now));
		synchronized (bucket) {
			refill(bucket, now);
			if (bucket.tokens >= 1) {
				bucket.tokens -= 1;
				return 0;
			}
			return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / this.perNano / 1e9));
		}
	}

	int size() {
		return this.buckets.size();
	}

	private void refill(Bucket bucket, long now) {
		bucket.tokens = Math.min(this.capacity, bucket.tokens + (now - bucket.updated) * this.perNano);
		bucket.updated = now;
	}

	private synchronized void evict(long now) {
		for (Iterator<Bucket> it = this.buckets.values().iterator(); it.hasNext();) {
			var bucket = it.next();
			synchronized (bucket) {
				refill(bucket, now);
				if (bucket.tokens >= this.capacity) {
					it.remove();
				}
			}
		}
		if (this.buckets.size() >= this.maxClients) {
			this.buckets.clear();
		}
	}

}
