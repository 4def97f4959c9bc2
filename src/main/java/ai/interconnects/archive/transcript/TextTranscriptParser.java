package ai.interconnects.archive.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import ai.interconnects.archive.transcript.ParsedDescription.Segment;
import ai.interconnects.archive.web.TimeCode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Plain-text and HTML transcripts. Paragraphs (blank-line separated, or {@code
 *
<p>
 * }s) may start with a time ({@code 00:01:02}, {@code [1:02]}) and a {@code Name:}; a
 * line {@code Name 1:02} on its own (as transcription services export) names the speaker
 * and time of the paragraph after it. The Podcasting 2.0 HTML shape
 * {@code <cite>Name:</cite><time>0:00</time>
 *
<p>
 * …
 *
</p>
 * } is read as such. A paragraph that names no one continues the previous speaker's turn.
 */
final class TextTranscriptParser {

	private static final Pattern LEADING_TIME = Pattern
		.compile("^[\\[(]?(\\d{1,3}(?::\\d{2}){1,2}(?:[.,]\\d{1,3})?)[\\])]?\\s*(?:[-–—|]\\s*)?(.*)$", Pattern.DOTALL);

	private static final Pattern SPEAKER_TIME_LINE = Pattern.compile(
			"^(\\p{Lu}[\\p{L}'’.\\-]*(?:\\s+[\\p{L}\\d'’.\\-]+){0,4})\\s+[\\[(]?(\\d{1,3}(?::\\d{2}){1,2})[\\])]?$");

	private TextTranscriptParser() {
	}

	static List<Segment> parseText(String body) {
		var normalised = body.replace("\uFEFF", "").replace("\r\n", "\n").replace('\r', '\n');
		var paragraphs = new ArrayList<String>();
		for (var paragraph : normalised.split("\n\\s*\n")) {
			if (!paragraph.isBlank()) {
				paragraphs.add(paragraph.strip());
			}
		}
		if (paragraphs.size() == 1) {
			// no blank lines: a line is a paragraph
			paragraphs = new ArrayList<>(List.of(paragraphs.get(0).split("\n")));
		}
		var lines = new ArrayList<String>();
		for (var paragraph : paragraphs) {
			// "Name 0:03" on its own line, the speech below it
			var split = paragraph.split("\n", 2);
			if (split.length == 2 && SPEAKER_TIME_LINE.matcher(split[0].strip()).matches()) {
				lines.add(split[0].strip());
				lines.add(split[1]);
			}
			else {
				lines.add(paragraph);
			}
		}
		return fromLines(lines);
	}

	static List<Segment> parseHtml(String body) {
		var document = Jsoup.parse(body);
		var root = document.body();
		if (!root.select("cite, time").isEmpty()) {
			return fromCiteTime(root);
		}
		var lines = new ArrayList<String>();
		for (var block : root.select("p, li, h1, h2, h3, h4, h5, h6, blockquote, pre")) {
			if (block.parents().stream().anyMatch((parent) -> parent.nameIs("p") || parent.nameIs("li"))) {
				continue;
			}
			lines.add(block.wholeText());
		}
		if (lines.isEmpty()) {
			return parseText(root.wholeText());
		}
		return fromLines(lines);
	}

	private static List<Segment> fromCiteTime(Element root) {
		var segments = new ArrayList<Segment>();
		String speaker = null;
		Integer start = null;
		for (var element : root.getAllElements()) {
			if (element.nameIs("cite")) {
				speaker = clean(element.text()).replaceAll("[:：]$", "").strip();
				speaker = speaker.isEmpty() ? null : speaker;
			}
			else if (element.nameIs("time")) {
				double at = TimeCode.seconds(element.hasAttr("datetime") ? element.attr("datetime") : element.text());
				start = (at >= 0) ? TimeCode.start(at) : null;
			}
			else if (element.nameIs("p")) {
				var text = clean(element.text());
				if (!text.isEmpty()) {
					segments.add(new Segment(start, speaker, text));
					start = null;
				}
			}
		}
		return segments;
	}

	private static List<Segment> fromLines(List<String> lines) {
		var segments = new ArrayList<Segment>();
		String speaker = null;
		Integer pendingStart = null;
		for (var raw : lines) {
			var text = clean(raw);
			if (text.isEmpty()) {
				continue;
			}
			var header = SPEAKER_TIME_LINE.matcher(text);
			if (header.matches()) {
				speaker = header.group(1);
				pendingStart = TimeCode.start(TimeCode.seconds(header.group(2)));
				continue;
			}
			Integer start = pendingStart;
			pendingStart = null;
			var timed = LEADING_TIME.matcher(text);
			if (timed.matches() && TimeCode.seconds(timed.group(1)) >= 0 && !timed.group(2).isBlank()) {
				start = TimeCode.start(TimeCode.seconds(timed.group(1)));
				text = timed.group(2).strip();
			}
			var named = SpeakerPrefix.split(text);
			if (named != null) {
				speaker = named[0];
				text = named[1];
			}
			segments.add(new Segment(start, speaker, text));
		}
		return segments;
	}

	private static String clean(String text) {
		return text.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
	}

}
