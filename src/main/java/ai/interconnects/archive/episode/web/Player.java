package ai.interconnects.archive.episode.web;

import java.util.Locale;

import ai.interconnects.archive.web.TimeCode;

/**
 * The audio player of a page. {@code src} carries a media fragment ({@code #t=754} or
 * {@code #t=754,801}) when the page should start somewhere other than the beginning or
 * play only a range, so the position works without JavaScript; {@code start} and
 * {@code end} are null when it plays from the beginning. {@code download} is the direct
 * audio URL the page offers, and falls back to, when the player cannot load it.
 */
public record Player(String slug, String src, String type, Integer start, Integer end, String download) {

	static Player of(EpisodeView episode, TimeRange at) {
		if (episode.audioUrl() == null) {
			return new Player(episode.slug(), null, null, null, null, null);
		}
		var range = (at != null) ? at.within(episode.durationSeconds()) : null;
		Integer start = (range != null && (range.start() > 0 || range.isRange())) ? range.start() : null;
		Integer end = (range != null) ? range.end() : null;
		var src = (start != null) ? episode.audioUrl() + "#t=" + range.param() : episode.audioUrl();
		return new Player(episode.slug(), src, episode.audioType(), start, end, episode.audioUrl());
	}

	/** A video enclosure ({@code video/*}) plays in a {@code <video>} element. */
	public boolean video() {
		return isVideo(this.type);
	}

	static boolean isVideo(String type) {
		return type != null && type.toLowerCase(Locale.ROOT).startsWith("video/");
	}

	public String startClock() {
		return (this.start != null) ? TimeCode.format(this.start) : null;
	}

	public String endClock() {
		return (this.end != null) ? TimeCode.format(this.end) : null;
	}

}
