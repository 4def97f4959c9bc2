package ai.interconnects.archive.episode.web;

import java.util.List;

import ai.interconnects.archive.web.TimeCode;

/**
 * The words of the paragraphs a link points at ({@code ?t=754} or {@code ?t=754,801}):
 * what a shared link previews as and what the quote card shows. {@code end} is null when
 * the moment runs to the end of the episode.
 */
public record Quote(String speaker, String text, int start, Integer end, String anchor) {

	/** Longest description a preview carries; longer quotes end with an ellipsis. */
	static final int PREVIEW_LENGTH = 280;

	static Quote of(List<SegmentView> highlighted, Integer end) {
		if (highlighted.isEmpty()) {
			return null;
		}
		var first = highlighted.get(0);
		var text = new StringBuilder();
		for (var segment : highlighted) {
			if (!text.isEmpty()) {
				text.append(' ');
			}
			text.append(segment.text().strip());
		}
		return new Quote(first.effectiveSpeaker(), text.toString(), first.effectiveStart(), end, first.anchor());
	}

	public String startClock() {
		return TimeCode.format(this.start);
	}

	/** The quote cut at a word boundary to {@code max} characters, with an ellipsis. */
	public String shortText(int max) {
		return cut(this.text, max);
	}

	public String preview() {
		return shortText(PREVIEW_LENGTH);
	}

	static String cut(String text, int max) {
		if (text.codePointCount(0, text.length()) <= max) {
			return text;
		}
		var head = text.substring(0, text.offsetByCodePoints(0, max - 1));
		int space = head.lastIndexOf(' ');
		if (space > max / 2) {
			head = head.substring(0, space);
		}
		return head.stripTrailing().replaceAll("[,;:.\\-–—]+$", "") + "…";
	}

}
