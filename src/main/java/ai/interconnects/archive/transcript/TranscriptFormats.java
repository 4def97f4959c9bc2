package ai.interconnects.archive.transcript;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import ai.interconnects.archive.web.TimeCode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transcript files: WebVTT, SubRip, the Podcasting 2.0 JSON transcript and plain
 * text, each from the same {@link TimedTranscript} cues. Paragraph text is stored as
 * plain text; line breaks inside it become spaces, because a blank line ends a cue in
 * both subtitle formats.
 */
public final class TranscriptFormats {

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private TranscriptFormats() {
	}

	/**
	 * WebVTT (W3C): one numbered cue per paragraph, the speaker as a voice span
	 * {@code <v Name>}. The text escapes {@code &}, {@code <} and {@code >} as the cue
	 * text syntax requires, so a paragraph can never open a tag or end the cue.
	 */
	public static String vtt(List<TimedTranscript.Cue> cues, String title) {
		var out = new StringBuilder(cues.size() * 200);
		out.append("WEBVTT");
		if (title != null && !title.isBlank()) {
			out.append(" - ").append(oneLine(title).replace("-->", "->"));
		}
		out.append("\n\n");
		int n = 1;
		for (var cue : cues) {
			out.append(n++).append('\n');
			out.append(clock(cue.startMillis(), '.')).append(" --> ").append(clock(cue.endMillis(), '.')).append('\n');
			if (cue.speaker() != null && !cue.speaker().isBlank()) {
				out.append("<v ").append(escapeVtt(oneLine(cue.speaker()))).append('>');
			}
			out.append(escapeVtt(oneLine(cue.text()))).append("\n\n");
		}
		return out.toString();
	}

	/** SubRip: numbered cues, {@code HH:MM:SS,mmm}, the speaker as a "Name: " prefix. */
	public static String srt(List<TimedTranscript.Cue> cues) {
		var out = new StringBuilder(cues.size() * 200);
		int n = 1;
		for (var cue : cues) {
			out.append(n++).append('\n');
			out.append(clock(cue.startMillis(), ',')).append(" --> ").append(clock(cue.endMillis(), ',')).append('\n');
			if (cue.speaker() != null && !cue.speaker().isBlank()) {
				out.append(oneLine(cue.speaker())).append(": ");
			}
			out.append(oneLine(cue.text())).append("\n\n");
		}
		return out.toString();
	}

	/**
	 * The Podcasting 2.0 JSON transcript: {@code version} and {@code segments[]} with
	 * {@code speaker}, {@code startTime}, {@code endTime} (seconds, fractional) and
	 * {@code body}.
	 */
	public static String json(List<TimedTranscript.Cue> cues, JsonMapper mapper) {
		var segments = new ArrayList<Map<String, Object>>(cues.size());
		for (var cue : cues) {
			var segment = new LinkedHashMap<String, Object>();
			if (cue.speaker() != null && !cue.speaker().isBlank()) {
				segment.put("speaker", cue.speaker());
			}
			segment.put("startTime", cue.startMillis() / 1000.0);
			segment.put("endTime", cue.endMillis() / 1000.0);
			segment.put("body", oneLine(cue.text()));
			segments.add(segment);
		}
		var document = new LinkedHashMap<String, Object>();
		document.put("version", "1.0.0");
		document.put("segments", segments);
		return mapper.writeValueAsString(document);
	}

	/**
	 * Readable text for notes: a heading, then one paragraph per turn as
	 * {@code [12:34] Speaker: text}; a continuation paragraph has neither time nor name.
	 */
	public static String text(List<TimedTranscript.Segment> segments, String title, String pageUrl) {
		var out = new StringBuilder(segments.size() * 200);
		out.append(oneLine(title)).append('\n');
		out.append(pageUrl).append("\n\n");
		for (var segment : segments) {
			if (segment.startSeconds() != null) {
				out.append('[').append(TimeCode.format(segment.startSeconds())).append("] ");
				if (segment.speaker() != null && !segment.speaker().isBlank()) {
					out.append(oneLine(segment.speaker())).append(": ");
				}
			}
			out.append(oneLine(segment.text())).append("\n\n");
		}
		return out.toString();
	}

	/** {@code HH:MM:SS.mmm} (WebVTT) or {@code HH:MM:SS,mmm} (SubRip). */
	public static String clock(long millis, char separator) {
		long ms = Math.max(0, millis);
		return String.format("%02d:%02d:%02d%c%03d", ms / 3_600_000, (ms / 60_000) % 60, (ms / 1000) % 60, separator,
				ms % 1000);
	}

	private static String oneLine(String text) {
		return (text != null) ? WHITESPACE.matcher(text).replaceAll(" ").strip() : "";
	}

	private static String escapeVtt(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
