package ai.interconnects.archive.poll;

import java.util.Optional;

import ai.interconnects.archive.web.LastPoll;
import ai.interconnects.archive.web.PollStatus;

import org.springframework.stereotype.Component;

/**
 * The last poll as the pages tell a visitor of it: the recorded message is for the
 * operator (it can name hosts, file paths or exception details); a visitor gets the kind
 * of failure.
 */
@Component
class PollStatuses implements LastPoll {

	private final PollHistory history;

	PollStatuses(PollHistory history) {
		this.history = history;
	}

	@Override
	public Optional<PollStatus> latest() {
		return this.history.latest().map(PollStatuses::of);
	}

	/** What readers are told of the last run. */
	private static PollStatus of(PollRecord run) {
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

}
