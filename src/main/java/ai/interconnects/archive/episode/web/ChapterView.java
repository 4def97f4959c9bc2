package ai.interconnects.archive.episode.web;

import java.util.ArrayList;
import java.util.List;

import ai.interconnects.archive.web.Formats;
import ai.interconnects.archive.web.TimeCode;

/**
 * A chapter as the pages show it: {@code number} is its 1-based position.
 * {@code endSeconds} is where it ends: the end its source gives (a chapters file's
 * {@code endTime}), else the next chapter's start, else the episode's end. It is null
 * when none of these is known (the last chapter of an episode without a duration), and
 * then the page shows no end and no length rather than a guess. {@code untilSeconds} is
 * where the next chapter starts (null for the last): the paragraphs of a chapter page run
 * up to it, so a gap after a given end loses none.
 */
public record ChapterView(int number, int startSeconds, Integer endSeconds, String title, Integer untilSeconds) {

	/** A stored chapter: its start, the end its source gave (or null), its title. */
	record Stored(int startSeconds, Integer endSeconds, String title) {
	}

	/**
	 * Numbers the chapters by their order (stored positions may start at 0 or have gaps)
	 * and gives each its end.
	 */
	static List<ChapterView> of(List<Stored> chapters, Integer durationSeconds) {
		var result = new ArrayList<ChapterView>(chapters.size());
		for (int i = 0; i < chapters.size(); i++) {
			var chapter = chapters.get(i);
			Integer next = (i + 1 < chapters.size()) ? Integer.valueOf(chapters.get(i + 1).startSeconds()) : null;
			Integer given = chapter.endSeconds();
			Integer end = (given != null && given > chapter.startSeconds()) ? given
					: (next != null) ? next : durationSeconds;
			if (end != null && end <= chapter.startSeconds()) {
				end = null;
			}
			result.add(new ChapterView(i + 1, chapter.startSeconds(), end, chapter.title(), next));
		}
		return List.copyOf(result);
	}

	public String start() {
		return TimeCode.format(this.startSeconds);
	}

	public String end() {
		return (this.endSeconds != null) ? TimeCode.format(this.endSeconds) : null;
	}

	/** "12:34–18:20", or null when the end is not known. */
	public String span() {
		return (this.endSeconds != null) ? start() + "–" + end() : null;
	}

	/** "5 min", "45 s" or "1 h 2 min"; null when the end is not known. */
	public String length() {
		return (this.endSeconds != null) ? Formats.duration(this.endSeconds - this.startSeconds) : null;
	}

	/** The length as an ISO 8601 duration, for {@code <time datetime>}. */
	public String isoLength() {
		return (this.endSeconds != null) ? Formats.isoDuration(this.endSeconds - this.startSeconds) : null;
	}

	/**
	 * Whether a paragraph starting at {@code seconds} belongs to this chapter's page:
	 * from its start up to the next chapter's.
	 */
	boolean contains(int seconds) {
		return seconds >= this.startSeconds && (this.untilSeconds == null || seconds < this.untilSeconds);
	}

}
