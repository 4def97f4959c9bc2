package ai.interconnects.archive.transcript;

import java.util.Locale;

/**
 * The transcript file formats of the Podcasting 2.0 {@code <podcast:transcript>} tag, in
 * order of preference: JSON carries times, speakers and ends; VTT and SRT times (VTT also
 * voices); HTML and plain text may carry neither.
 */
public enum TranscriptFormat {

	JSON("application/json"), VTT("text/vtt"), SRT("application/x-subrip"), HTML("text/html"), TEXT("text/plain");

	private final String mimeType;

	TranscriptFormat(String mimeType) {
		this.mimeType = mimeType;
	}

	public String mimeType() {
		return this.mimeType;
	}

	/** Lower is better. */
	public int preference() {
		return ordinal();
	}

	/**
	 * The format a {@code type} attribute names, or failing that the URL's extension;
	 * {@code null} for neither (such a file is not fetched).
	 */
	public static TranscriptFormat of(String type, String url) {
		var mime = (type != null) ? type.strip().toLowerCase(Locale.ROOT) : "";
		int semicolon = mime.indexOf(';');
		if (semicolon >= 0) {
			mime = mime.substring(0, semicolon).strip();
		}
		switch (mime) {
			case "application/json", "application/json+transcript", "text/json":
				return JSON;
			case "text/vtt", "text/webvtt":
				return VTT;
			case "application/x-subrip", "application/srt", "text/srt", "text/x-srt", "application/x-srt":
				return SRT;
			case "text/html", "application/xhtml+xml":
				return HTML;
			case "text/plain":
				return TEXT;
			default:
				break;
		}
		var path = (url != null) ? url.toLowerCase(Locale.ROOT).replaceAll("[?#].*$", "") : "";
		if (path.endsWith(".json")) {
			return JSON;
		}
		if (path.endsWith(".vtt")) {
			return VTT;
		}
		if (path.endsWith(".srt")) {
			return SRT;
		}
		if (path.endsWith(".html") || path.endsWith(".htm")) {
			return HTML;
		}
		if (path.endsWith(".txt")) {
			return TEXT;
		}
		return null;
	}

}
