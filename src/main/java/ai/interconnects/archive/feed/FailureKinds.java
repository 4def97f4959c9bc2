package ai.interconnects.archive.feed;

/**
 * The kind of a failed poll, for the wording visitors see: a feed that answered with
 * broken XML was reached, and must not be reported as unreachable.
 */
final class FailureKinds {

	static final String UNREACHABLE = "UNREACHABLE";

	static final String HTTP_STATUS = "HTTP_STATUS";

	static final String NOT_A_FEED = "NOT_A_FEED";

	static final String TOO_LARGE = "TOO_LARGE";

	static final String REDIRECT = "REDIRECT";

	private FailureKinds() {
	}

	static String of(FeedFetchException ex) {
		var message = (ex.getMessage() != null) ? ex.getMessage() : "";
		if (message.startsWith("The feed is not valid RSS/XML") || message.startsWith("The feed URL returned an HTML")
				|| message.startsWith("The feed is empty")) {
			return NOT_A_FEED;
		}
		if (message.contains("is larger than the limit")) {
			return TOO_LARGE;
		}
		if (message.startsWith("Redirect loop") || message.contains("redirect")) {
			return REDIRECT;
		}
		if (ex.httpStatus() != null) {
			return HTTP_STATUS;
		}
		return UNREACHABLE;
	}

}
