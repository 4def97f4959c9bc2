package ai.interconnects.archive.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PollSpreadTests {

	private static final Duration INTERVAL = Duration.ofMinutes(30);

	private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

	@Test
	void theNextPollStaysWithinTenPercentOfTheInterval() {
		for (long id = 1; id <= 500; id++) {
			var now = T0.plusSeconds(id * 7);
			var next = PollSpread.next(id, now, INTERVAL);

			assertThat(Duration.between(now, next)).isBetween(Duration.ofMinutes(27), Duration.ofMinutes(33));
		}
	}

	@Test
	void aShowAtItsPhaseStaysThere() {
		long id = 42;
		var atPhase = Instant.ofEpochMilli(PollSpread.phase(id, INTERVAL)).plus(Duration.ofDays(20000));

		assertThat(PollSpread.next(id, atPhase, INTERVAL)).isEqualTo(atPhase.plus(INTERVAL));
	}

	@Test
	void twoHundredShowsPolledInOneBurstSpreadOverTheIntervalWithinAFewCycles() {
		var polls = new ArrayList<Instant>();
		var last = new Instant[201];
		for (int id = 1; id <= 200; id++) {
			// the first cycle: all polled within 20 s of each other
			last[id] = T0.plusMillis(id * 100L);
		}
		assertThat(mostInOneMinute(java.util.Arrays.asList(last).subList(1, 201))).isEqualTo(200);
		for (int cycle = 1; cycle <= 8; cycle++) {
			polls.clear();
			for (int id = 1; id <= 200; id++) {
				var next = PollSpread.next(id, last[id], INTERVAL);
				assertThat(Duration.between(last[id], next)).isBetween(Duration.ofMinutes(27), Duration.ofMinutes(33));
				last[id] = next;
				polls.add(next);
			}
		}
		// evenly, 200 shows in 30 minutes are ~7 a minute
		assertThat(mostInOneMinute(polls)).isLessThanOrEqualTo(20);
	}

	@Test
	void aTinyIntervalIsTakenAsItIs() {
		assertThat(PollSpread.next(1, T0, Duration.ofMillis(5))).isEqualTo(T0.plusMillis(5));
	}

	private static int mostInOneMinute(List<Instant> polls) {
		var sorted = polls.stream().sorted().toList();
		int most = 0;
		int start = 0;
		for (int end = 0; end < sorted.size(); end++) {
			while (Duration.between(sorted.get(start), sorted.get(end)).compareTo(Duration.ofMinutes(1)) >= 0) {
				start++;
			}
			most = Math.max(most, end - start + 1);
		}
		return most;
	}

}
