package ai.interconnects.archive.poll;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a reader of the empty archive is told about the last poll's failure. */
class PollStatusesTests {

	@Test
	void aHostThatCannotBeFoundIsSaidSoNotCalledARedirect() {
		assertThat(PollStatuses.failure("UNKNOWN_HOST", null)).contains("host name could not be found")
			.doesNotContain("redirect");
	}

	@Test
	void otherFailuresKeepTheirWords() {
		assertThat(PollStatuses.failure("REDIRECT", null)).contains("redirects in a loop");
		assertThat(PollStatuses.failure("HTTP_STATUS", 503)).contains("HTTP 503");
		assertThat(PollStatuses.failure("UNREACHABLE", null)).contains("did not answer");
	}

}
