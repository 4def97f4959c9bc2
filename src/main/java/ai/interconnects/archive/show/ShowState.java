package ai.interconnects.archive.show;

import java.time.Instant;

/** A show's polling state as the operator sees it. */
public record ShowState(String configuredUrl, String feedUrl, String title, String status, String etag,
		String lastModified, Instant lastAttemptAt, Instant lastSuccessAt, Instant nextPollAt, int consecutiveFailures,
		String redirectCandidateUrl, int redirectSeenCount) {

	public boolean gone() {
		return "GONE".equals(this.status);
	}

}
