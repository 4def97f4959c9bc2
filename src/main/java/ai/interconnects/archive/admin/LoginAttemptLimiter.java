package ai.interconnects.archive.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Refuses sign-in attempts after too many failures, per remote address and per username:
 * {@code archive.admin.max-login-failures} within
 * {@code archive.admin.login-failure-window} blocks further attempts until the oldest of
 * those failures is older than the window.
 * <p>
 * The counts live in this instance's memory: a restart forgets them, and with several
 * replicas each counts its own (an attacker gets the limit once per replica). That is
 * enough to make guessing a password impractical for one admin account.
 */
@Component
class LoginAttemptLimiter {

	/** Beyond this many tracked keys, expired entries are purged on the next failure. */
	private static final int PURGE_ABOVE = 10_000;

	private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

	private final int maxFailures;

	private final Duration window;

	private final Clock clock;

	LoginAttemptLimiter(AdminProperties properties, Optional<Clock> clock) {
		this.maxFailures = properties.maxLoginFailures();
		this.window = properties.loginFailureWindow();
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** Whether attempts from this address or for this username are refused now. */
	boolean isBlocked(String remoteAddress, String username) {
		var now = this.clock.instant();
		return recent(addressKey(remoteAddress), now) >= this.maxFailures
				|| recent(userKey(username), now) >= this.maxFailures;
	}

	void recordFailure(String remoteAddress, String username) {
		var now = this.clock.instant();
		if (this.failures.size() > PURGE_ABOVE) {
			this.failures.keySet().removeIf((key) -> recent(key, now) == 0);
		}
		add(addressKey(remoteAddress), now);
		add(userKey(username), now);
	}

	void recordSuccess(String remoteAddress, String username) {
		this.failures.remove(addressKey(remoteAddress));
		this.failures.remove(userKey(username));
	}

	/** Forgets every failure (tests, and an operator restarting the app). */
	void clear() {
		this.failures.clear();
	}

	private void add(String key, Instant now) {
		this.failures.compute(key, (k, times) -> {
			var list = (times != null) ? times : new ArrayDeque<Instant>();
			list.addLast(now);
			return list;
		});
	}

	private int recent(String key, Instant now) {
		var result = new int[1];
		this.failures.computeIfPresent(key, (k, times) -> {
			var cutoff = now.minus(this.window);
			while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
				times.removeFirst();
			}
			result[0] = times.size();
			return times.isEmpty() ? null : times;
		});
		return result[0];
	}

	private static String addressKey(String remoteAddress) {
		return "addr:" + remoteAddress;
	}

	private static String userKey(String username) {
		var name = (username != null) ? username.strip().toLowerCase(Locale.ROOT) : "";
		// Bounded, so that long junk usernames cannot fill the memory.
		return "user:" + ((name.length() > 100) ? name.substring(0, 100) : name);
	}

}
