package ai.interconnects.archive.web;

import java.time.Instant;

/** The last poll, told to readers of an empty archive. */
public record PollStatus(String outcome, Instant startedAt, String message) {

	public String date() {
		return (this.startedAt != null) ? Formats.date(this.startedAt) : null;
	}

	public String isoInstant() {
		return (this.startedAt != null) ? this.startedAt.toString() : null;
	}

}
