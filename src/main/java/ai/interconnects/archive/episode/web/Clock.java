package ai.interconnects.archive.episode.web;

import ai.interconnects.archive.transcript.Timestamps;

/** A moment of an episode as the pages print it ({@code 12:34}, {@code 1:02:03}). */
final class Clock {

	private Clock() {
	}

	static String of(Integer seconds) {
		return (seconds != null) ? Timestamps.format(seconds) : null;
	}

}
