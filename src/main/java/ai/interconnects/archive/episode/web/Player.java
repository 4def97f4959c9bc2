package ai.interconnects.archive.episode.web;

import java.util.OptionalInt;

import ai.interconnects.archive.transcript.Timestamps;

/**
 * The audio player of a page. {@code src} carries a {@code #t=} media fragment when the
 * page should start somewhere other than the beginning, so the position works without
 * JavaScript; {@code start} is null when it should start at the beginning.
 */
public record Player(String slug, String src, String type, Integer start) {

	static Player of(EpisodeView episode, Integer start) {
		if (episode.audioUrl() == null) {
			return new Player(episode.slug(), null, null, null);
		}
		Integer at = (start != null && start > 0) ? start : null;
		var src = (at != null) ? episode.audioUrl() + "#t=" + at : episode.audioUrl();
		return new Player(episode.slug(), src, episode.audioType(), at);
	}

	/**
	 * A {@code t} request parameter: seconds ({@code 754}) or a clock time
	 * ({@code 12:34}, {@code 1:02:03}). Anything else, negative numbers included, is
	 * ignored (null).
	 */
	static Integer parseStart(String t) {
		if (t == null || t.length() > 12) {
			return null;
		}
		OptionalInt parsed = Timestamps.parse(t);
		return parsed.isPresent() ? parsed.getAsInt() : null;
	}

	public String startClock() {
		return (this.start != null) ? Timestamps.format(this.start) : null;
	}

}
