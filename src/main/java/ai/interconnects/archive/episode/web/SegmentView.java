package ai.interconnects.archive.episode.web;

import ai.interconnects.archive.web.Formats;

/**
 * One transcript paragraph. {@code startSeconds} is null for a continuation paragraph;
 * {@code effectiveStart} is then the start of the timed paragraph before it, which is
 * where the player goes and which chapter the paragraph belongs to. {@code anchor} is the
 * element id: {@code t-754} for a timed paragraph, {@code p-12} (its position) otherwise.
 * {@code markedHtml} is set when the paragraph matches an in-transcript search: its text,
 * HTML-escaped, with each match in {@code <mark>}; {@code nextMatch} is then the anchor
 * of the next matching paragraph, if any.
 */
public record SegmentView(long id, int position, Integer startSeconds, int effectiveStart, String speaker, String text,
		String anchor, String markedHtml, String nextMatch) {

	public boolean match() {
		return this.markedHtml != null;
	}

	public boolean timed() {
		return this.startSeconds != null;
	}

	public String start() {
		return Formats.clock(this.startSeconds);
	}

}
