package ai.interconnects.archive.episode.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a reader of the empty archive is told about the last poll's failure. */
class PollStatusTests {

	@Test
	void aHostThatCannotBeFoundIsSaidSoNotCalledARedirect() {
		assertThat(PollStatus.failure("UNKNOWN_HOST", null)).contains("host name could not be found")
			.doesNotContain("redirect");
	}

	@Test
	void otherFailuresKeepTheirWords() {
		assertThat(PollStatus.failure("REDIRECT", null)).contains("redirects in a loop");
		assertThat(PollStatus.failure("HTTP_STATUS", 503)).contains("HTTP 503");
		assertThat(PollStatus.failure("UNREACHABLE", null)).contains("did not answer");
	}

}
