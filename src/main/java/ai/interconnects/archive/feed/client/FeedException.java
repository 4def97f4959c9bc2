package ai.interconnects.archive.feed.client;

import java.time.Duration;

/**
 * A fetch or parse that failed, with a message meant for the operator, what kind of
 * failure it was and, when the server answered, its HTTP status and any
 * {@code Retry-After} it asked for.
 */
public class FeedException extends Exception {

	/** What went wrong, as far as a caller needs to tell failures apart. */
	public enum Kind {

		/** The URL (or a redirect's target) cannot be fetched: bad syntax or scheme. */
		INVALID_URL,
		/** No answer: refused connection, broken transfer, missing file. */
		NETWORK,
		/** The feed's host name could not be found (no network, or a mistyped name). */
		UNKNOWN_HOST,
		/** The connect timeout, the read timeout or the deadline passed. */
		TIMEOUT,
		/** The server answered with an error status (see {@link #httpStatus()}). */
		HTTP_STATUS,
		/** A redirect loop, too many redirects, or a redirect without a target. */
		REDIRECT,
		/** The body is larger than the configured limit. */
		TOO_LARGE,
		/** The body is empty, an HTML page, or not valid RSS/XML. */
		NOT_A_FEED

	}

	private final Kind kind;

	private final Integer httpStatus;

	private final Duration retryAfter;

	FeedException(Kind kind, String message, Integer httpStatus, Duration retryAfter, Throwable cause) {
		super(message, cause);
		this.kind = kind;
		this.httpStatus = httpStatus;
		this.retryAfter = retryAfter;
	}

	FeedException(Kind kind, String message) {
		this(kind, message, null, null, null);
	}

	FeedException(Kind kind, String message, Throwable cause) {
		this(kind, message, null, null, cause);
	}

	public Kind kind() {
		return this.kind;
	}

	/** The HTTP status the server answered with, or {@code null} when it did not. */
	public Integer httpStatus() {
		return this.httpStatus;
	}

	/** How long the server asked us to wait, or {@code null}. */
	public Duration retryAfter() {
		return this.retryAfter;
	}

	/** The server answered 410 Gone: the feed was removed on purpose. */
	public boolean gone() {
		return this.httpStatus != null && this.httpStatus == 410;
	}

}
