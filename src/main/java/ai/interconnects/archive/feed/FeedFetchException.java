package ai.interconnects.archive.feed;

import java.time.Duration;

/**
 * A fetch or parse that failed, with a message meant for the operator and, when the
 * server answered, its HTTP status and any {@code Retry-After} it asked for.
 */
class FeedFetchException extends Exception {

	private final Integer httpStatus;

	private final Duration retryAfter;

	FeedFetchException(String message, Integer httpStatus, Duration retryAfter) {
		super(message);
		this.httpStatus = httpStatus;
		this.retryAfter = retryAfter;
	}

	FeedFetchException(String message) {
		this(message, null, null);
	}

	FeedFetchException(String message, Throwable cause) {
		super(message, cause);
		this.httpStatus = null;
		this.retryAfter = null;
	}

	Integer httpStatus() {
		return this.httpStatus;
	}

	Duration retryAfter() {
		return this.retryAfter;
	}

	boolean gone() {
		return this.httpStatus != null && this.httpStatus == 410;
	}

}
