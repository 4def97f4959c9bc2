package ai.interconnects.archive;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogTextTests {

	@Test
	void controlCharactersAreEscapedAndLongTextIsCut() {
		assertThat(LogText.of("a\r\nb\tc\u0000d\u2028e")).isEqualTo("a\\r\\nb\\tc\\u0000d\\u2028e");
		assertThat(LogText.of(null)).isEqualTo("null");
		assertThat(LogText.of("x".repeat(2000))).hasSizeLessThan(LogText.MAX_LENGTH + 20).endsWith("…(2000 chars)");
		assertThat(LogText.of("Ünïcode — fine")).isEqualTo("Ünïcode — fine");
	}

}
