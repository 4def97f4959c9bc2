package ai.interconnects.archive.show;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The wait after a failed poll: an exponential backoff from {@code initial} with ±20 %
 * jitter, capped at {@code max}; a server's {@code Retry-After} is honoured when it asks
 * for longer (up to a day).
 */
final class Backoff {

	private Backoff() {
	}

	static Duration delay(int consecutiveFailures, Duration initial, Duration max, Duration retryAfter) {
		long factor = 1L << Math.min(consecutiveFailures, 20);
		var delay = initial.multipliedBy(factor);
		if (delay.compareTo(max) > 0 || delay.isNegative()) {
			delay = max;
		}
		double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
		delay = Duration.ofMillis((long) (delay.toMillis() * jitter));
		if (retryAfter != null && retryAfter.compareTo(delay) > 0) {
			delay = (retryAfter.compareTo(Duration.ofDays(1)) > 0) ? Duration.ofDays(1) : retryAfter;
		}
		return delay;
	}

}
