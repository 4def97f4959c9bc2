package ai.interconnects.archive.episode.web;

import ai.interconnects.archive.web.TimeCode;

/**
 * The moment a page opens at, from its {@code t} parameter: {@code 754} or {@code 12:34}
 * for a start, {@code 754,801} (Media Fragments style) for a range to play and quote.
 * {@code end} is null for a plain start.
 */
public record TimeRange(int start, Integer end) {

	/**
	 * Parses {@code t}; anything unreadable (negative, too long, garbage) is null, and an
	 * end not after the start is dropped, keeping the start.
	 */
	static TimeRange parse(String t) {
		if (t == null || t.length() > 25) {
			return null;
		}
		int comma = t.indexOf(',');
		var start = TimeCode.wholeSeconds((comma < 0) ? t : t.substring(0, comma));
		if (start.isEmpty()) {
			return null;
		}
		Integer end = null;
		if (comma >= 0) {
			var parsed = TimeCode.wholeSeconds(t.substring(comma + 1));
			if (parsed.isPresent() && parsed.getAsInt() > start.getAsInt()) {
				end = parsed.getAsInt();
			}
		}
		return new TimeRange(start.getAsInt(), end);
	}

	/**
	 * Keeps the range inside an episode of {@code duration} seconds (unknown: unchanged):
	 * a start past the end becomes the last second, an end past it the end itself.
	 */
	TimeRange within(Integer duration) {
		if (duration == null || duration <= 0) {
			return this;
		}
		int s = Math.min(this.start, Math.max(0, duration - 1));
		Integer e = (this.end != null) ? Integer.valueOf(Math.min(this.end, duration)) : null;
		return new TimeRange(s, (e != null && e > s) ? e : null);
	}

	public boolean isRange() {
		return this.end != null;
	}

	/** {@code 754} or {@code 754,801}, as the {@code t} parameter and media fragment. */
	public String param() {
		return (this.end != null) ? this.start + "," + this.end : String.valueOf(this.start);
	}

	public String startClock() {
		return TimeCode.format(this.start);
	}

	public String endClock() {
		return (this.end != null) ? TimeCode.format(this.end) : null;
	}

	boolean contains(int seconds) {
		return seconds >= this.start && (this.end == null || seconds < this.end);
	}

}
