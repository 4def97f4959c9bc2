package ai.interconnects.archive.episode.web;

import ai.interconnects.archive.transcript.Timestamps;

/**
 * A chapter: {@code number} is its 1-based position, {@code endSeconds} the next
 * chapter's start (or the episode's end; null when unknown).
 */
public record ChapterView(int number, int startSeconds, Integer endSeconds, String title) {

	public String start() {
		return Timestamps.format(this.startSeconds);
	}

	public String end() {
		return (this.endSeconds != null) ? Timestamps.format(this.endSeconds) : null;
	}

	/** Whether {@code seconds} falls inside this chapter. */
	boolean contains(int seconds) {
		return seconds >= this.startSeconds && (this.endSeconds == null || seconds < this.endSeconds);
	}

}
