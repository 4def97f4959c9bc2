package ai.interconnects.archive.episode.web;

import java.util.Locale;

import ai.interconnects.archive.episode.Episode;
import ai.interconnects.archive.web.WebUrl;

/**
 * Where the transcript on a page came from, for the sentence that says so: the episode's
 * description in the feed, or the publisher's transcript file (linked). {@code fileUrl}
 * is the publisher's file whenever the feed links one, current or not.
 *
 * @param source {@code DESCRIPTION}, {@code FILE} or {@code null} (no transcript)
 * @param fileUrl the publisher's transcript file (http or https only)
 * @param fileType the file's MIME type as the feed gave it
 */
public record TranscriptOrigin(String source, String fileUrl, String fileType) {

	static TranscriptOrigin of(Episode episode) {
		return new TranscriptOrigin(
				(episode.getTranscriptSource() != null) ? episode.getTranscriptSource().name() : null,
				WebUrl.orNull(episode.getTranscriptUrl()), episode.getTranscriptType());
	}

	public boolean fromFile() {
		return "FILE".equals(this.source) && this.fileUrl != null;
	}

	/** "WebVTT", "SRT", "JSON", "HTML", "text": how the file is named on the page. */
	public String fileFormat() {
		var type = (this.fileType != null) ? this.fileType.toLowerCase(Locale.ROOT) : "";
		var url = (this.fileUrl != null) ? this.fileUrl.toLowerCase(Locale.ROOT) : "";
		if (type.contains("json") || url.endsWith(".json")) {
			return "JSON";
		}
		if (type.contains("vtt") || url.endsWith(".vtt")) {
			return "WebVTT";
		}
		if (type.contains("srt") || type.contains("subrip") || url.endsWith(".srt")) {
			return "SRT";
		}
		if (type.contains("html") || url.endsWith(".html")) {
			return "HTML";
		}
		return "text";
	}

}
