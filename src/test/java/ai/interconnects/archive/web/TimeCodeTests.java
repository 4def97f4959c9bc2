package ai.interconnects.archive.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TimeCodeTests {

	@Test
	void parsesSecondsAndClockTimes() {
		assertThat(TimeCode.wholeSeconds("754")).hasValue(754);
		assertThat(TimeCode.wholeSeconds("12:34")).hasValue(754);
		assertThat(TimeCode.wholeSeconds("1:02:03")).hasValue(3723);
		assertThat(TimeCode.wholeSeconds("00:35:03")).hasValue(2103);
		assertThat(TimeCode.wholeSeconds(" 0:37:29 ")).hasValue(2249);
	}

	@Test
	void rejectsAnythingElse() {
		assertThat(TimeCode.wholeSeconds(null)).isEmpty();
		assertThat(TimeCode.wholeSeconds("abc")).isEmpty();
		assertThat(TimeCode.wholeSeconds("-5")).isEmpty();
		assertThat(TimeCode.wholeSeconds("12:60")).isEmpty();
		assertThat(TimeCode.wholeSeconds("1:75:00")).isEmpty();
		assertThat(TimeCode.wholeSeconds("99999999999")).isEmpty();
		assertThat(TimeCode.wholeSeconds("")).isEmpty();
		assertThat(TimeCode.seconds("1:02:03:04")).isEqualTo(-1);
		assertThat(TimeCode.seconds("12:34.")).isEqualTo(-1);
	}

	@Test
	void fractionsOfTranscriptAndChapterFilesAreRead() {
		assertThat(TimeCode.seconds("00:01:02.500")).isCloseTo(62.5, within(1e-9));
		assertThat(TimeCode.seconds("00:01:02,500")).isCloseTo(62.5, within(1e-9));
		assertThat(TimeCode.seconds("01:02.5")).isCloseTo(62.5, within(1e-9));
		assertThat(TimeCode.seconds("62.5")).isCloseTo(62.5, within(1e-9));
		assertThat(TimeCode.wholeSeconds("12:34.9")).hasValue(754);
	}

	@Test
	void aStartRoundsDownAndAnEndUp() {
		assertThat(TimeCode.start(62.5)).isEqualTo(62);
		assertThat(TimeCode.end(62.5)).isEqualTo(63);
		assertThat(TimeCode.start(-1)).isNull();
		assertThat(TimeCode.end(-1)).isNull();
	}

	@Test
	void aDurationAddsItsFieldsAsWrittenAndRoundsToTheNearestSecond() {
		assertThat(TimeCode.duration("1:02:03.4")).isEqualTo(3723);
		assertThat(TimeCode.duration("00:49.53")).isEqualTo(50);
		assertThat(TimeCode.duration("2111")).isEqualTo(2111);
		assertThat(TimeCode.duration("2111.6")).isEqualTo(2112);
		assertThat(TimeCode.duration("35:11")).isEqualTo(2111);
		assertThat(TimeCode.duration("125:30")).isEqualTo(7530);
		assertThat(TimeCode.duration("1:75")).isEqualTo(135);
		assertThat(TimeCode.duration("0")).isNull();
		assertThat(TimeCode.duration("about an hour")).isNull();
		assertThat(TimeCode.duration(null)).isNull();
	}

	@Test
	void formatsWithHoursOnlyWhenNeeded() {
		assertThat(TimeCode.format(754)).isEqualTo("12:34");
		assertThat(TimeCode.format(3723)).isEqualTo("1:02:03");
		assertThat(TimeCode.format(0)).isEqualTo("0:00");
	}

}
