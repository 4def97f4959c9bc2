package ai.interconnects.archive.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.interconnects.archive.transcript.ParsedDescription.Segment;
import ai.interconnects.archive.web.TimeCode;
import org.jsoup.parser.Parser;

/**
 * WebVTT and SRT: blocks separated by blank lines, each with a timing line
 * {@code start --> end} and its text. A VTT voice span {@code <v Name>} or a leading
 * {@code Name:} names the speaker; a cue that names no one continues the previous
 * speaker. Other markup (VTT classes, inline timestamps, SRT {@code <i>}) is dropped, and
 * VTT {@code NOTE}, {@code STYLE} and {@code REGION} blocks are skipped.
 */
final class SubtitleParser {

	private static final Pattern TIMING = Pattern.compile("^\\s*([\\d:.,]+)\\s*-->\\s*([\\d:.,]+)(?:\\s.*)?$");

	private static final Pattern VOICE = Pattern.compile("<v(?:\\.[^\\s>]*)?\\s+([^>]+)>");

	private static final Pattern TAG = Pattern.compile("</?[^>]*>");

	private SubtitleParser() {
	}

	static List<Segment> parse(String body) {
		var pieces = new ArrayList<Segment>();
		var blocks = body.replace("\uFEFF", "").replace("\r\n", "\n").replace('\r', '\n').split("\n\\s*\n");
		String speaker = null;
		for (var block : blocks) {
			var lines = block.strip().split("\n");
			int timingLine = -1;
			for (int i = 0; i < Math.min(lines.length, 2); i++) {
				if (TIMING.matcher(lines[i]).matches()) {
					timingLine = i;
					break;
				}
			}
			if (timingLine < 0) {
				continue;
			}
			Matcher timing = TIMING.matcher(lines[timingLine]);
			timing.matches();
			double start = TimeCode.seconds(timing.group(1));
			double end = TimeCode.seconds(timing.group(2));
			var cueSpeaker = (String) null;
			var text = new StringBuilder();
			for (int i = timingLine + 1; i < lines.length; i++) {
				var line = lines[i];
				var voice = VOICE.matcher(line);
				if (voice.find()) {
					cueSpeaker = voice.group(1).strip();
				}
				line = Parser.unescapeEntities(TAG.matcher(line).replaceAll(""), false).replace('\u00a0', ' ').strip();
				if (line.startsWith("- ") || line.startsWith("– ")) {
					line = line.substring(2);
				}
				if (text.isEmpty() && cueSpeaker == null) {
					var named = SpeakerPrefix.split(line);
					if (named != null) {
						cueSpeaker = named[0];
						line = named[1];
					}
				}
				if (!line.isEmpty()) {
					if (!text.isEmpty()) {
						text.append(' ');
					}
					text.append(line);
				}
			}
			if (cueSpeaker != null) {
				speaker = cueSpeaker;
			}
			if (!text.isEmpty() && start >= 0) {
				pieces.add(new Segment(TimeCode.start(start), (end >= start) ? TimeCode.end(end) : null, speaker,
						text.toString()));
			}
		}
		return Turns.merge(pieces);
	}

}
