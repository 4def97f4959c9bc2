package ai.interconnects.archive.poll;

import ai.interconnects.archive.feed.client.FeedException;

/**
 * The kind of a failed poll as stored in {@code poll_run.failure_kind}, for the wording
 * visitors see: a feed that answered with broken XML was reached, and must not be
 * reported as unreachable.
 */
final class FailureKinds {

	/**
	 * A run whose instance died (a {@code kill -9}, a lost machine) before it could
	 * record how the poll ended.
	 */
	static final String INTERRUPTED = "INTERRUPTED";

	private FailureKinds() {
	}

	static String of(FeedException ex) {
		return switch (ex.kind()) {
			case NOT_A_FEED -> "NOT_A_FEED";
			case TOO_LARGE -> "TOO_LARGE";
			case REDIRECT, INVALID_URL -> "REDIRECT";
			case HTTP_STATUS -> "HTTP_STATUS";
			case UNKNOWN_HOST -> "UNKNOWN_HOST";
			// NETWORK, TIMEOUT, and any kind added later
			default -> "UNREACHABLE";
		};
	}

}
