package ai.interconnects.archive.transcript;

import java.util.ArrayList;
import java.util.List;

import ai.interconnects.archive.transcript.ParsedDescription.Segment;
import ai.interconnects.archive.web.TimeCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Podcasting 2.0 JSON transcript: {@code {"segments": [{"startTime", "endTime",
 * "speaker", "body"}]}}. Publishers write a segment per sentence or per word; either way
 * the pieces are joined into turns.
 */
final class JsonTranscriptParser {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private JsonTranscriptParser() {
	}

	static List<Segment> parse(String body) {
		JsonNode root = JSON.readTree(body);
		var pieces = new ArrayList<Segment>();
		for (var segment : root.path("segments")) {
			var text = segment.path("body").asString("").strip();
			if (text.isEmpty()) {
				continue;
			}
			double start = seconds(segment.path("startTime"));
			double end = seconds(segment.path("endTime"));
			var speaker = segment.path("speaker").asString("").strip();
			pieces.add(new Segment(TimeCode.start(start), (end >= start) ? TimeCode.end(end) : null,
					speaker.isEmpty() ? null : speaker, text));
		}
		return Turns.merge(pieces);
	}

	/**
	 * A time in seconds, written as a number or a string ({@code "12.5"},
	 * {@code "0:12.5"}).
	 */
	static double seconds(JsonNode node) {
		if (node.isNumber()) {
			return node.asDouble();
		}
		if (node.isString()) {
			return TimeCode.seconds(node.asString());
		}
		return -1;
	}

}
