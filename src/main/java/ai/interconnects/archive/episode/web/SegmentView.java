package ai.interconnects.archive.episode.web;

import ai.interconnects.archive.transcript.Speakers;
import ai.interconnects.archive.web.TimeCode;

/**
 * One transcript paragraph. {@code startSeconds} is null for a continuation paragraph;
 * {@code effectiveStart} is then the start of the timed paragraph before it, which is
 * where the player goes and which chapter the paragraph belongs to, and
 * {@code effectiveSpeaker} who was speaking. {@code anchor} is the element id:
 * {@code t-754} for a timed paragraph, {@code p-12} (its position) otherwise.
 * {@code markedHtml} is set when the paragraph matches an in-transcript search: its text,
 * HTML-escaped, with each match in {@code <mark>}; {@code nextMatch} is then the anchor
 * of the next matching paragraph, if any. {@code highlighted} marks the paragraphs of the
 * moment or range the page was opened at ({@code ?t=754} or {@code ?t=754,801}).
 */
public record SegmentView(long id, int position, Integer startSeconds, int effectiveStart, String speaker,
		String effectiveSpeaker, String text, String anchor, String markedHtml, String nextMatch, boolean highlighted) {

	public boolean match() {
		return this.markedHtml != null;
	}

	public boolean timed() {
		return this.startSeconds != null;
	}

	public String start() {
		return (this.startSeconds != null) ? TimeCode.format(this.startSeconds) : null;
	}

	public String effectiveClock() {
		return TimeCode.format(this.effectiveStart);
	}

	public String speakerSlug() {
		return Speakers.slug(this.speaker);
	}

}
