package ai.interconnects.archive.transcript;

import java.util.List;

import ai.interconnects.archive.transcript.ParsedDescription.Chapter;
import ai.interconnects.archive.transcript.ParsedDescription.Segment;
import ai.interconnects.archive.web.TimeCode;
import ai.interconnects.archive.web.WebUrl;

/**
 * Transcript and chapter files a publisher links from its feed (Podcasting 2.0
 * {@code <podcast:transcript>} and {@code <podcast:chapters>}), and Podlove chapters
 * written inline.
 */
public final class TranscriptFiles {

	private TranscriptFiles() {
	}

	/**
	 * The transcript paragraphs of a file.
	 * @throws IllegalArgumentException when the file is not in the format it claims
	 * (unreadable JSON, a VTT or SRT file without a single cue)
	 */
	public static List<Segment> transcript(TranscriptFormat format, String body) {
		if (body == null || body.isBlank()) {
			throw new IllegalArgumentException("the file is empty");
		}
		List<Segment> segments;
		try {
			segments = switch (format) {
				case JSON -> JsonTranscriptParser.parse(body);
				case VTT, SRT -> SubtitleParser.parse(body);
				case HTML -> TextTranscriptParser.parseHtml(body);
				case TEXT -> TextTranscriptParser.parseText(body);
			};
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("not a readable " + format + " transcript: " + ex.getMessage(), ex);
		}
		if (segments.isEmpty()) {
			throw new IllegalArgumentException("no transcript text found in the " + format + " file");
		}
		return List.copyOf(segments);
	}

	/**
	 * The table-of-contents chapters of a Podcasting 2.0 chapters file, by start time.
	 * @throws IllegalArgumentException when the file is not readable JSON
	 */
	public static List<Chapter> chapters(String json) {
		if (json == null || json.isBlank()) {
			throw new IllegalArgumentException("the chapters file is empty");
		}
		try {
			return List.copyOf(ChaptersJsonParser.parse(json));
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("not a readable chapters file: " + ex.getMessage(), ex);
		}
	}

	/**
	 * One Podlove Simple Chapter ({@code <psc:chapter start="00:01:02.500" title="…"
	 * href="…" image="…"/>}); {@code null} when its start or title is unusable.
	 */
	public static Chapter podloveChapter(String start, String title, String href, String image) {
		double at = TimeCode.seconds(start);
		if (at < 0 || title == null || title.isBlank()) {
			return null;
		}
		return new Chapter(TimeCode.start(at), null, title.strip(), WebUrl.asWrittenOrNull(href),
				WebUrl.asWrittenOrNull(image));
	}

}
