package ai.interconnects.archive.episode.web;

import java.time.Instant;

import ai.interconnects.archive.web.Formats;

/** The last poll, told to readers of an empty archive. */
public record PollStatus(String outcome, Instant startedAt, String message) {

	public String date() {
		return (this.startedAt != null) ? Formats.date(this.startedAt) : null;
	}

	public String isoInstant() {
		return (this.startedAt != null) ? this.startedAt.toString() : null;
	}

}
