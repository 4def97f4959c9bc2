package ai.interconnects.archive.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import ai.interconnects.archive.support.MovableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in limit on a clock the test moves: attackers slow down, the owner is never
 * locked out.
 */
class LoginAttemptLimiterTests {

	private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final LoginAttemptLimiter limiter = new LoginAttemptLimiter(new AdminProperties("admin", "pw", null, 5,
			Duration.ofHours(1), Duration.ofSeconds(10), Duration.ofMinutes(15), 20, Duration.ofSeconds(2)),
			Optional.of(this.clock));

	@Test
	void oneWrongAttemptAMinuteFromAnywhereNeverLocksTheOwnerOut() {
		for (int minute = 0; minute < 120; minute++) {
			this.limiter.recordFailure("198.51.100." + (minute % 50), "admin");
			this.clock.advance(Duration.ofMinutes(1));
			assertThat(this.limiter.waitBefore("192.0.2.1", "admin")).isEqualTo(Duration.ZERO);
		}
	}

	@Test
	void anAddressWaitsLongerWithEachFailureBeyondTheLimit() {
		for (int i = 0; i < 5; i++) {
			assertThat(this.limiter.waitBefore("203.0.113.7", "admin")).isZero();
			this.limiter.recordFailure("203.0.113.7", "admin");
		}
		assertThat(this.limiter.waitBefore("203.0.113.7", "admin")).isEqualTo(Duration.ofSeconds(10));
		assertThat(this.limiter.waitBefore("203.0.113.8", "admin")).isZero();
		this.clock.advance(Duration.ofSeconds(10));
		assertThat(this.limiter.waitBefore("203.0.113.7", "admin")).isZero();

		this.limiter.recordFailure("203.0.113.7", "admin");
		assertThat(this.limiter.waitBefore("203.0.113.7", "admin")).isEqualTo(Duration.ofSeconds(20));
		this.clock.advance(Duration.ofSeconds(20));
		this.limiter.recordFailure("203.0.113.7", "admin");
		assertThat(this.limiter.waitBefore("203.0.113.7", "admin")).isEqualTo(Duration.ofSeconds(40));
		for (int i = 0; i < 10; i++) {
			this.limiter.recordFailure("203.0.113.7", "someone");
		}
		assertThat(this.limiter.waitBefore("203.0.113.7", "admin")).isEqualTo(Duration.ofMinutes(15));

		// a success from the address forgets its failures
		this.limiter.recordSuccess("203.0.113.7", "admin");
		assertThat(this.limiter.waitBefore("203.0.113.7", "admin")).isZero();
	}

	@Test
	void theDoublingIsForgottenOnlyAnHourAfterTheLastFailure() {
		for (int i = 0; i < 8; i++) {
			this.limiter.recordFailure("203.0.113.7", "x");
		}
		// 59 minutes later the five tries are back, but the doubling is remembered: once
		// they are used up, the wait goes on from 80 s to 160 s
		this.clock.advance(Duration.ofMinutes(59));
		for (int i = 0; i < 4; i++) {
			this.limiter.recordFailure("203.0.113.7", "x");
			assertThat(this.limiter.waitBefore("203.0.113.7", "x")).isZero();
		}
		this.limiter.recordFailure("203.0.113.7", "x");
		assertThat(this.limiter.waitBefore("203.0.113.7", "x")).isEqualTo(Duration.ofSeconds(160));
		// an hour after that last one it is all forgotten: five failures wait 10 s again
		this.clock.advance(Duration.ofHours(1));
		for (int i = 0; i < 5; i++) {
			this.limiter.recordFailure("203.0.113.7", "x");
		}
		assertThat(this.limiter.waitBefore("203.0.113.7", "x")).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void aKeepsGuessingAddressGetsOneTryPerLongestDelay() {
		int allowed = 0;
		for (int second = 0; second < 4 * 3600; second++) {
			if (this.limiter.waitBefore("203.0.113.7", "admin").isZero()) {
				this.limiter.recordFailure("203.0.113.7", "admin");
				allowed++;
			}
			this.clock.advance(Duration.ofSeconds(1));
		}
		// 5 at once, then 10 s, 20 s … up to 15 min: about four an hour
		assertThat(allowed).isBetween(20, 30);
	}

	@Test
	void aUsernameUnderAttackFromManyAddressesIsOnlySlowedDownForSeconds() {
		for (int i = 0; i < 20; i++) {
			this.limiter.recordFailure("198.51.100." + i, "admin");
		}
		assertThat(this.limiter.waitBefore("192.0.2.1", "admin")).isEqualTo(Duration.ofSeconds(2));
		assertThat(this.limiter.waitBefore("192.0.2.1", "other")).isZero();
		this.clock.advance(Duration.ofSeconds(2));
		assertThat(this.limiter.waitBefore("192.0.2.1", "admin")).isZero();
	}

	@Test
	void anIpv6ClientCountsByItsSlash64() {
		for (int i = 0; i < 5; i++) {
			this.limiter.recordFailure("2001:db8:1:2::" + Integer.toHexString(i + 1), "x");
		}
		assertThat(this.limiter.waitBefore("2001:db8:1:2:ffff::9", "x")).isEqualTo(Duration.ofSeconds(10));
		assertThat(this.limiter.waitBefore("2001:db8:1:3::1", "x")).isZero();
	}

}
