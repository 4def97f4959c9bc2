package ai.interconnects.archive.transcript;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimestampsTests {

	@Test
	void parsesSecondsAndClockTimes() {
		assertThat(Timestamps.parse("754")).hasValue(754);
		assertThat(Timestamps.parse("12:34")).hasValue(754);
		assertThat(Timestamps.parse("1:02:03")).hasValue(3723);
		assertThat(Timestamps.parse("00:35:03")).hasValue(2103);
		assertThat(Timestamps.parse(" 0:37:29 ")).hasValue(2249);
	}

	@Test
	void rejectsAnythingElse() {
		assertThat(Timestamps.parse(null)).isEmpty();
		assertThat(Timestamps.parse("abc")).isEmpty();
		assertThat(Timestamps.parse("-5")).isEmpty();
		assertThat(Timestamps.parse("12:60")).isEmpty();
		assertThat(Timestamps.parse("1:75:00")).isEmpty();
		assertThat(Timestamps.parse("99999999999")).isEmpty();
		assertThat(Timestamps.parse("")).isEmpty();
	}

	@Test
	void formatsWithHoursOnlyWhenNeeded() {
		assertThat(Timestamps.format(754)).isEqualTo("12:34");
		assertThat(Timestamps.format(3723)).isEqualTo("1:02:03");
		assertThat(Timestamps.format(0)).isEqualTo("0:00");
	}

}
