package ai.interconnects.archive.episode.web;

import java.time.Instant;

import ai.interconnects.archive.feed.PollRecord;
import ai.interconnects.archive.web.Formats;

/** The last poll, told to readers of an empty archive. */
public record PollStatus(String outcome, Instant startedAt, String message) {

	static final PollStatus NEVER = new PollStatus("NEVER", null, "The feed has not been read yet.");

	/** What readers are told of the last run. */
	static PollStatus of(PollRecord run) {
		var message = switch (run.outcome()) {
			case RUNNING -> "The feed is being read right now; episodes will appear in a moment.";
			// The recorded message can name hosts, file paths or exception
			// details: it is for the operator (/admin). Visitors get the kind
			// of failure.
			case FAILED -> failure(run.failureKind(), run.httpStatus());
			case NOT_MODIFIED -> "The feed has not changed since it was last read.";
			case SUCCESS -> "The feed was read but lists no episodes.";
		};
		return new PollStatus(run.outcome().name(), run.startedAt(), message);
	}

	/** What went wrong, in as much detail as a visitor should get. */
	static String failure(String kind, Integer httpStatus) {
		if ("INTERRUPTED".equals(kind)) {
			return "The last reading of the feed was interrupted before it finished; it is read again on a later poll.";
		}
		if ("NOT_A_FEED".equals(kind)) {
			return "The feed was reached, but what it returned is not a valid RSS feed, so no episodes could be read.";
		}
		if ("TOO_LARGE".equals(kind)) {
			return "The feed was reached, but it is larger than this archive accepts.";
		}
		if ("UNKNOWN_HOST".equals(kind)) {
			return "The feed could not be reached: its host name could not be found (no network here, or a mistyped "
					+ "address).";
		}
		if ("REDIRECT".equals(kind)) {
			return "The feed could not be reached: its address redirects in a loop or to an unusable address.";
		}
		if (httpStatus != null) {
			return "The feed could not be reached: its server answered HTTP " + httpStatus + ".";
		}
		return "The feed could not be reached: the server did not answer.";
	}

	public String date() {
		return (this.startedAt != null) ? Formats.date(this.startedAt) : null;
	}

	public String isoInstant() {
		return (this.startedAt != null) ? this.startedAt.toString() : null;
	}

}
