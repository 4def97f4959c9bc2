package ai.interconnects.archive.web;

import java.time.Instant;

/**
 * The last poll, told to readers of an empty archive: its outcome, when it started and
 * what a visitor may be told of it.
 */
public record PollStatus(String outcome, Instant startedAt, String message) {

	public static final PollStatus NEVER = new PollStatus("NEVER", null, "The feed has not been read yet.");

	public String date() {
		return (this.startedAt != null) ? Formats.date(this.startedAt) : null;
	}

	public String isoInstant() {
		return (this.startedAt != null) ? this.startedAt.toString() : null;
	}

}
