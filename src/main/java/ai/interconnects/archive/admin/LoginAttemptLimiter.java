package ai.interconnects.archive.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without ever locking the real admin out for long.
 * <ul>
 * <li><b>Per client address</b> (an IPv6 client by its /64, which one machine usually has
 * whole): after {@code archive.admin.max-login-failures} failures each further attempt
 * from it must wait {@code login-delay}, doubling with every further failure up to
 * {@code login-max-delay}. Failures are forgotten {@code login-failure-window} after the
 * last one, and a successful sign-in from the address forgets them at once.</li>
 * <li><b>Per username</b>, only a short global slowdown: once a username has had
 * {@code username-slowdown-after} failures within the window (a guessing attack spread
 * over many addresses), an attempt for it waits until {@code username-slowdown} (2 s)
 * after the last failure. An occasional wrong attempt from anywhere never blocks the
 * owner, who at worst waits those seconds.</li>
 * </ul>
 * The client address is the one {@link ClientAddresses} trusts. The counts live in this
 * instance's memory: a restart forgets them, and each replica counts its own.
 */
@Component
class LoginAttemptLimiter {

	/**
	 * Beyond this many tracked keys, forgotten entries are purged on the next failure.
	 */
	private static final int PURGE_ABOVE = 10_000;

	private final Map<String, Failures> failures = new ConcurrentHashMap<>();

	private final AdminProperties properties;

	private final Clock clock;

	LoginAttemptLimiter(AdminProperties properties, Optional<Clock> clock) {
		this.properties = properties;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * How long an attempt from this address for this username must still wait; zero when
	 * it may go ahead now.
	 */
	Duration waitBefore(String clientAddress, String username) {
		var now = this.clock.instant();
		var wait = Duration.ZERO;
		var byAddress = current(addressKey(clientAddress), now);
		if (byAddress != null && byAddress.count() >= this.properties.maxLoginFailures()) {
			wait = max(wait, Duration.between(now, byAddress.last().plus(addressDelay(byAddress.count()))));
		}
		var byUser = current(userKey(username), now);
		if (byUser != null && byUser.count() >= this.properties.usernameSlowdownAfter()) {
			wait = max(wait, Duration.between(now, byUser.last().plus(this.properties.usernameSlowdown())));
		}
		return wait.isNegative() ? Duration.ZERO : wait;
	}

	void recordFailure(String clientAddress, String username) {
		var now = this.clock.instant();
		if (this.failures.size() > PURGE_ABOVE) {
			this.failures.entrySet().removeIf((entry) -> forgotten(entry.getValue(), now));
		}
		add(addressKey(clientAddress), now);
		add(userKey(username), now);
	}

	void recordSuccess(String clientAddress, String username) {
		this.failures.remove(addressKey(clientAddress));
		this.failures.remove(userKey(username));
	}

	/**
	 * {@code login-delay} × 2^(failures beyond the limit), at most
	 * {@code login-max-delay}.
	 */
	Duration addressDelay(int count) {
		int doublings = Math.min(count - this.properties.maxLoginFailures(), 30);
		var delay = this.properties.loginDelay().multipliedBy(1L << Math.max(doublings, 0));
		return (delay.compareTo(this.properties.loginMaxDelay()) > 0) ? this.properties.loginMaxDelay() : delay;
	}

	private void add(String key, Instant now) {
		this.failures.compute(key, (k, old) -> (old == null || forgotten(old, now)) ? new Failures(1, now)
				: new Failures(old.count() + 1, now));
	}

	private Failures current(String key, Instant now) {
		var entry = this.failures.get(key);
		return (entry == null || forgotten(entry, now)) ? null : entry;
	}

	private boolean forgotten(Failures entry, Instant now) {
		return !entry.last().plus(this.properties.loginFailureWindow()).isAfter(now);
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	private static String addressKey(String clientAddress) {
		return "addr:" + ClientAddresses.rateLimitKey(clientAddress);
	}

	private static String userKey(String username) {
		var name = (username != null) ? username.strip().toLowerCase(Locale.ROOT) : "";
		// Bounded, so that long junk usernames cannot fill the memory.
		return "user:" + ((name.length() > 100) ? name.substring(0, 100) : name);
	}

	/** Failures since they were last forgotten, and the time of the latest. */
	private record Failures(int count, Instant last) {
	}

}
