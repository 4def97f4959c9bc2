package ai.interconnects.archive.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTests {

	@Test
	void durationsReadAsASitePrintsThem() {
		assertThat(Formats.duration(20)).isEqualTo("20 s");
		assertThat(Formats.duration(2111)).isEqualTo("35 min");
		assertThat(Formats.duration(3725)).isEqualTo("1 h 2 min");
		assertThat(Formats.duration(3600)).isEqualTo("1 h");
		assertThat(Formats.duration(3590)).as("rounded to the minute").isEqualTo("1 h");
		assertThat(Formats.duration(7200)).isEqualTo("2 h");
		assertThat(Formats.duration(null)).isNull();
		assertThat(Formats.duration(0)).isNull();
	}

}
