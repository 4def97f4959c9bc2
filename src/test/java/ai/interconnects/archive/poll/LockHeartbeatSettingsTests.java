package ai.interconnects.archive.poll;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * How often the poll lock's holder beats, and when silence means it died: short in tests,
 * and never so short against the heartbeat that a busy live holder looks dead.
 */
class LockHeartbeatSettingsTests {

	@Test
	void theDefaultsBeatEveryTenSecondsAndCallALockStaleAfterAMinute() {
		var poll = bind(Map.of());

		assertThat(poll.lockHeartbeat()).isEqualTo(Duration.ofSeconds(10));
		assertThat(poll.lockStaleAfter()).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void aStalenessWindowOfFewerThanThreeHeartbeatsIsRefused() {
		assertThat(bind(Map.of("archive.poll.lock-heartbeat", "200ms", "archive.poll.lock-stale-after", "2s"))
			.lockStaleAfter()).isEqualTo(Duration.ofSeconds(2));

		assertThatException()
			.isThrownBy(() -> bind(Map.of("archive.poll.lock-heartbeat", "30s", "archive.poll.lock-stale-after", "1m")))
			.withStackTraceContaining("archive.poll.lock-stale-after (PT1M) must be at least three times");
	}

	private static PollProperties bind(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("archive.poll",
				PollProperties.class);
	}

}
