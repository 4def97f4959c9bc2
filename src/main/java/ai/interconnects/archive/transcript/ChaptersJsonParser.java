package ai.interconnects.archive.transcript;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import ai.interconnects.archive.transcript.ParsedDescription.Chapter;
import ai.interconnects.archive.web.TimeCode;
import ai.interconnects.archive.web.WebUrl;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Podcasting 2.0 chapters file ({@code application/json+chapters}):
 * {@code startTime}, optional {@code endTime}, {@code title}, {@code url}, {@code img}.
 * Entries marked {@code "toc": false} are meant for players (artwork changes), not the
 * table of contents, and are left out; so are entries without a title.
 */
final class ChaptersJsonParser {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ChaptersJsonParser() {
	}

	static List<Chapter> parse(String body) {
		var root = JSON.readTree(body);
		var chapters = new ArrayList<Chapter>();
		for (var entry : root.path("chapters")) {
			if (entry.path("toc").isBoolean() && !entry.path("toc").asBoolean()) {
				continue;
			}
			var title = entry.path("title").asString("").strip();
			double start = JsonTranscriptParser.seconds(entry.path("startTime"));
			if (title.isEmpty() || start < 0) {
				continue;
			}
			double end = JsonTranscriptParser.seconds(entry.path("endTime"));
			chapters.add(new Chapter(TimeCode.start(start), (end > start) ? TimeCode.start(end) : null, title,
					WebUrl.asWrittenOrNull(entry.path("url").asString(null)),
					WebUrl.asWrittenOrNull(entry.path("img").asString(null))));
		}
		chapters.sort(Comparator.comparingInt(Chapter::startSeconds));
		return chapters;
	}

}
