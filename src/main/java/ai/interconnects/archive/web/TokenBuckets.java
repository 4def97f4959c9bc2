package ai.interconnects.archive.web;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The archive's one rate limiter: a token bucket per key (a client address from
 * {@link ClientAddresses#key}, or a username), used by the API limit and the sign-in
 * limit alike.
 * <p>
 * Each bucket holds up to {@code capacity} tokens and regains one every {@code refill}. A
 * rule may also <b>back off</b>: each token spent while the bucket is already empty
 * doubles the refill interval, up to {@code maxRefill}; the doubling is forgotten
 * {@code forgetAfter} after the last token spent (the sign-in limit: a few quick tries,
 * then longer and longer waits for whoever keeps guessing).
 * <p>
 * <b>Memory is bounded</b> at {@code maxKeys} buckets, and a flood of new keys cannot
 * reset anyone's limit or lock anyone out. When the table is full, the buckets whose loss
 * changes least go first: those that have refilled completely (a fresh bucket is the
 * same), then the fullest ones, which lose at most the few tokens they had spent; empty
 * and backed-off buckets, the ones that are actually limiting somebody, go last. Each
 * eviction frees a tenth of the table, so its cost is spread over many new keys. A new
 * key always gets a bucket.
 */
public final class TokenBuckets {

	/** How a bucket fills and backs off. */
	public record Rule(int capacity, Duration refill, Duration maxRefill, Duration forgetAfter) {

		/** A plain token bucket: {@code perMinute} tokens a minute, no back-off. */
		public static Rule perMinute(int capacity, int perMinute) {
			var refill = Duration.ofNanos(60_000_000_000L / perMinute);
			return new Rule(capacity, refill, refill, Duration.ofDays(1));
		}

	}

	private static final double AS_GOOD_AS_NEW = 2;

	private final Rule rule;

	private final int maxKeys;

	private final LongSupplier nanoTime;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	public TokenBuckets(Rule rule, int maxKeys, LongSupplier nanoTime) {
		this.rule = rule;
		this.maxKeys = maxKeys;
		this.nanoTime = nanoTime;
	}

	/**
	 * Takes a token for {@code key} when one is there; returns how long to wait for the
	 * next one otherwise ({@link Duration#ZERO} when granted).
	 */
	public Duration take(String key) {
		long now = this.nanoTime.getAsLong();
		var bucket = bucket(key, now);
		synchronized (bucket) {
			bucket.refill(now, this.rule);
			if (bucket.tokens >= 1) {
				bucket.tokens -= 1;
				return Duration.ZERO;
			}
			return bucket.waitForOne();
		}
	}

	/**
	 * How long {@code key} must wait for a token; {@link Duration#ZERO} if it has one.
	 */
	public Duration waitFor(String key) {
		long now = this.nanoTime.getAsLong();
		var bucket = this.buckets.get(key);
		if (bucket == null) {
			return Duration.ZERO;
		}
		synchronized (bucket) {
			bucket.refill(now, this.rule);
			return (bucket.tokens >= 1) ? Duration.ZERO : bucket.waitForOne();
		}
	}

	/**
	 * Spends a token for {@code key} whether or not one is there (an attempt that
	 * failed). When that leaves less than one, the next comes a whole interval after this
	 * spend, an interval doubled if the bucket had been used up before.
	 */
	public void spend(String key) {
		long now = this.nanoTime.getAsLong();
		var bucket = bucket(key, now);
		synchronized (bucket) {
			bucket.refill(now, this.rule);
			bucket.tokens -= 1;
			if (bucket.tokens < 1) {
				// used up: the next token is a whole interval away from this failure
				bucket.tokens = 0;
				if (bucket.emptied) {
					bucket.refillNanos = Math.min(bucket.refillNanos * 2, this.rule.maxRefill().toNanos());
				}
				bucket.emptied = true;
			}
			bucket.lastSpent = now;
		}
	}

	/** Forgets {@code key}: its next request starts with a full bucket. */
	public void forget(String key) {
		this.buckets.remove(key);
	}

	public int size() {
		return this.buckets.size();
	}

	private Bucket bucket(String key, long now) {
		var bucket = this.buckets.get(key);
		if (bucket != null) {
			return bucket;
		}
		if (this.buckets.size() >= this.maxKeys) {
			evict(now);
		}
		return this.buckets.computeIfAbsent(key, (k) -> new Bucket(this.rule, now));
	}

	private synchronized void evict(long now) {
		int target = this.maxKeys - Math.max(1, this.maxKeys / 10);
		if (this.buckets.size() <= target) {
			return;
		}
		var entries = this.buckets.entrySet().toArray(Map.Entry[]::new);
		var scores = new double[entries.length];
		for (int i = 0; i < entries.length; i++) {
			var bucket = (Bucket) entries[i].getValue();
			synchronized (bucket) {
				bucket.refill(now, this.rule);
				scores[i] = bucket.harmlessness(this.rule);
			}
			if (scores[i] >= AS_GOOD_AS_NEW) {
				// forgetting it changes nothing at all
				this.buckets.remove(entries[i].getKey(), entries[i].getValue());
				scores[i] = Double.NEGATIVE_INFINITY;
			}
		}
		int excess = this.buckets.size() - target;
		if (excess <= 0) {
			return;
		}
		var sorted = Arrays.stream(scores).filter(Double::isFinite).sorted().toArray();
		// The excess most harmless buckets (highest scores) go; ties at the threshold
		// go too, so a table of equal buckets still frees its tenth.
		if (sorted.length == 0) {
			return;
		}
		double threshold = sorted[Math.max(0, sorted.length - excess)];
		for (int i = 0; i < entries.length && this.buckets.size() > target; i++) {
			if (Double.isFinite(scores[i]) && scores[i] >= threshold) {
				this.buckets.remove(entries[i].getKey(), entries[i].getValue());
			}
		}
	}

	private static final class Bucket {

		double tokens;

		long updated;

		long refillNanos;

		boolean emptied;

		long lastSpent;

		Bucket(Rule rule, long now) {
			this.tokens = rule.capacity();
			this.updated = now;
			this.refillNanos = rule.refill().toNanos();
			this.lastSpent = now;
		}

		void refill(long now, Rule rule) {
			if (this.emptied && now - this.lastSpent >= rule.forgetAfter().toNanos()) {
				// the back-off is forgotten with the failures that caused it
				this.tokens = rule.capacity();
				this.refillNanos = rule.refill().toNanos();
				this.emptied = false;
			}
			else {
				this.tokens = Math.min(rule.capacity(), this.tokens + (double) (now - this.updated) / this.refillNanos);
			}
			this.updated = now;
		}

		Duration waitForOne() {
			return Duration.ofNanos((long) Math.ceil((1 - this.tokens) * this.refillNanos));
		}

		/**
		 * How little forgetting this bucket changes: above 1 for a bucket that is as good
		 * as new, down to 0 for an empty one, below 0 for one that was emptied by
		 * failures or backs off.
		 */
		double harmlessness(Rule rule) {
			boolean backedOff = this.emptied || this.refillNanos > rule.refill().toNanos();
			if (backedOff) {
				return -1 + this.tokens / rule.capacity();
			}
			return (this.tokens >= rule.capacity()) ? AS_GOOD_AS_NEW : this.tokens / rule.capacity();
		}

	}

}
