package ai.interconnects.archive.episode.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ai.interconnects.archive.episode.AlternateEntry;

/**
 * An alternate file of the episode ({@code podcast:alternateEnclosure}) as the episode
 * page offers it: a download link to its first http(s) source, named by its title and
 * what it is ("High quality (Opus, 96 kbps, 32 MB)"). Files with no http(s) source (IPFS
 * only, say) and the one the player already plays are not offered.
 */
public record AlternateView(String href, String type, String label) {

	private static final Map<String, String> FORMATS = Map.of("audio/mpeg", "MP3", "audio/opus", "Opus", "audio/ogg",
			"Ogg", "audio/aac", "AAC", "audio/mp4", "AAC", "audio/x-m4a", "AAC", "audio/flac", "FLAC", "video/mp4",
			"MP4 video", "video/webm", "WebM video");

	static List<AlternateView> of(List<AlternateEntry> alternates, String playing) {
		var views = new ArrayList<AlternateView>();
		for (var alternate : alternates) {
			var href = alternate.webSource();
			if (href != null && !href.equals(playing)) {
				views.add(new AlternateView(href, alternate.type(), label(alternate)));
			}
		}
		return views;
	}

	private static String label(AlternateEntry alternate) {
		var details = new ArrayList<String>();
		if (alternate.type() != null) {
			details.add(FORMATS.getOrDefault(alternate.type().toLowerCase(Locale.ROOT), alternate.type()));
		}
		if (alternate.height() != null) {
			details.add(alternate.height() + "p");
		}
		if (alternate.bitrate() != null) {
			details.add(Math.round(alternate.bitrate() / 1000.0) + " kbps");
		}
		if (alternate.length() != null) {
			details.add(size(alternate.length()));
		}
		if (alternate.lang() != null) {
			details.add(alternate.lang());
		}
		var what = String.join(", ", details);
		if (alternate.title() == null) {
			return what.isEmpty() ? "Another file" : what;
		}
		return what.isEmpty() ? alternate.title() : alternate.title() + " (" + what + ")";
	}

	private static String size(long bytes) {
		if (bytes >= 1_000_000_000L) {
			return String.format(Locale.ENGLISH, "%.1f GB", bytes / 1e9);
		}
		return (bytes >= 1_000_000L) ? Math.round(bytes / 1e6) + " MB" : Math.max(1, Math.round(bytes / 1e3)) + " kB";
	}

}
