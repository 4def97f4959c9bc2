package ai.interconnects.archive.transcript;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimedTranscriptTests {

	@Test
	void aCueEndsWhereTheNextTimedParagraphStarts() {
		var cues = TimedTranscript.cues(
				List.of(new TimedTranscript.Segment(0, "A", "Hello."), new TimedTranscript.Segment(72, "B", "Hi.")),
				100);

		assertThat(cues).extracting(TimedTranscript.Cue::startMillis).containsExactly(0L, 72_000L);
		assertThat(cues).extracting(TimedTranscript.Cue::endMillis).containsExactly(72_000L, 100_000L);
	}

	@Test
	void continuationsShareTheirTurnsSpanInProportionToTheirLength() {
		var cues = TimedTranscript.cues(List.of(new TimedTranscript.Segment(10, "A", "x".repeat(300)),
				new TimedTranscript.Segment(null, "A", "y".repeat(100)), new TimedTranscript.Segment(50, "B", "z")),
				null);

		assertThat(cues.get(0).startMillis()).isEqualTo(10_000);
		assertThat(cues.get(0).endMillis()).isEqualTo(40_000);
		assertThat(cues.get(1).startMillis()).isEqualTo(40_000);
		assertThat(cues.get(1).endMillis()).isEqualTo(50_000);
		assertThat(cues.get(2).startMillis()).isEqualTo(50_000);
	}

	@Test
	void theLastCueEndsAtTheEpisodesEndOrAfterItsReadingTime() {
		var known = TimedTranscript.cues(List.of(new TimedTranscript.Segment(60, "A", "x".repeat(150))), 90);
		var unknown = TimedTranscript.cues(List.of(new TimedTranscript.Segment(60, "A", "x".repeat(150))), null);
		var tooShort = TimedTranscript.cues(List.of(new TimedTranscript.Segment(60, "A", "x".repeat(150))), 30);

		assertThat(known.get(0).endMillis()).isEqualTo(90_000);
		assertThat(unknown.get(0).endMillis()).isEqualTo(70_000);
		assertThat(tooShort.get(0).endMillis()).isEqualTo(70_000);
	}

	@Test
	void cuesAlwaysMoveForwardEvenWhenTwoParagraphsShareASecond() {
		var cues = TimedTranscript.cues(List.of(new TimedTranscript.Segment(null, "A", "before any time"),
				new TimedTranscript.Segment(5, "A", "one"), new TimedTranscript.Segment(5, "B", "two"),
				new TimedTranscript.Segment(null, "B", "three")), null);

		assertThat(cues.get(0).startMillis()).isZero();
		for (var cue : cues) {
			assertThat(cue.endMillis()).isGreaterThan(cue.startMillis());
		}
		for (int i = 1; i < cues.size(); i++) {
			assertThat(cues.get(i).startMillis()).isGreaterThanOrEqualTo(cues.get(i - 1).startMillis());
		}
	}

}
