package ai.interconnects.archive.admin;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import ai.interconnects.archive.web.ClientAddresses;
import ai.interconnects.archive.web.TokenBuckets;

import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without ever locking the real admin out for long, with the
 * archive's one rate limiter ({@link TokenBuckets}); a failed sign-in spends a token, an
 * attempt waits while there is none.
 * <ul>
 * <li><b>Per client address</b> (an IPv6 client by its /64, which one machine usually has
 * whole): {@code archive.admin.max-login-failures} failures at once; then one attempt per
 * {@code login-delay}, the interval doubling with every further failure up to
 * {@code login-max-delay}. The doubling is forgotten {@code login-failure-window} after
 * the last failure, and a successful sign-in from the address forgets everything at
 * once.</li>
 * <li><b>Per username</b>, only a short global slowdown: after
 * {@code username-slowdown-after} failures in quick succession (a guessing attack spread
 * over many addresses) one attempt per {@code username-slowdown} (2 s). An occasional
 * wrong attempt from anywhere never blocks the owner, who at worst waits those
 * seconds.</li>
 * </ul>
 * The client address is the one {@link ClientAddresses} trusts. The counts live in this
 * instance's memory, for at most {@value #MAX_KEYS} addresses and as many usernames: a
 * restart forgets them, and each replica counts its own.
 */
@Component
class LoginAttemptLimiter {

	static final int MAX_KEYS = 10_000;

	private final TokenBuckets addresses;

	private final TokenBuckets usernames;

	LoginAttemptLimiter(AdminProperties properties, Optional<Clock> clock) {
		var source = clock.orElse(Clock.systemUTC());
		var addressRule = new TokenBuckets.Rule(properties.maxLoginFailures(), properties.loginDelay(),
				max(properties.loginDelay(), properties.loginMaxDelay()), properties.loginFailureWindow());
		var usernameSlowdown = max(Duration.ofMillis(1), properties.usernameSlowdown());
		var usernameRule = new TokenBuckets.Rule(properties.usernameSlowdownAfter(), usernameSlowdown, usernameSlowdown,
				properties.loginFailureWindow());
		this.addresses = new TokenBuckets(addressRule, MAX_KEYS, () -> nanos(source));
		this.usernames = new TokenBuckets(usernameRule, MAX_KEYS, () -> nanos(source));
	}

	/**
	 * How long an attempt from this address for this username must still wait; zero when
	 * it may go ahead now.
	 */
	Duration waitBefore(String clientAddress, String username) {
		return max(this.addresses.waitFor(addressKey(clientAddress)), this.usernames.waitFor(userKey(username)));
	}

	void recordFailure(String clientAddress, String username) {
		this.addresses.spend(addressKey(clientAddress));
		this.usernames.spend(userKey(username));
	}

	void recordSuccess(String clientAddress, String username) {
		this.addresses.forget(addressKey(clientAddress));
		this.usernames.forget(userKey(username));
	}

	private static long nanos(Clock clock) {
		var now = clock.instant();
		return now.getEpochSecond() * 1_000_000_000L + now.getNano();
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	private static String addressKey(String clientAddress) {
		return ClientAddresses.key(clientAddress);
	}

	private static String userKey(String username) {
		var name = (username != null) ? username.strip().toLowerCase(Locale.ROOT) : "";
		// Bounded, so that long junk usernames cannot fill the memory.
		return (name.length() > 100) ? name.substring(0, 100) : name;
	}

}
