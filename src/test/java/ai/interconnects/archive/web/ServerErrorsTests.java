package ai.interconnects.archive.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import ai.interconnects.archive.support.MovableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Unexpected server errors reach the log once a minute at most, with their count. */
@ExtendWith(OutputCaptureExtension.class)
class ServerErrorsTests {

	private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final ServerErrors errors = new ServerErrors(Optional.of(this.clock));

	@Test
	void aThousandFailuresInAMinuteAreOneEntryAndTheNextSaysHowManyFollowed(CapturedOutput output) {
		var request = new MockHttpServletRequest("GET", "/search");
		for (int i = 0; i < 1_000; i++) {
			this.errors.record(request, new IllegalStateException("boom " + i));
		}
		assertThat(entries(output)).isEqualTo(1);
		assertThat(output.getAll()).contains("1 unexpected server error(s)").contains("boom 0");

		this.clock.advance(Duration.ofSeconds(61));
		this.errors.record(request, new IllegalStateException("boom again"));

		assertThat(entries(output)).isEqualTo(2);
		assertThat(output.getAll()).contains("1000 unexpected server error(s)").contains("boom again");
		assertThat(output.getAll().lines().filter((line) -> line.contains("IllegalStateException")).count())
			.isEqualTo(2);
	}

	private static long entries(CapturedOutput output) {
		return output.getAll().lines().filter((line) -> line.contains("unexpected server error(s)")).count();
	}

}
