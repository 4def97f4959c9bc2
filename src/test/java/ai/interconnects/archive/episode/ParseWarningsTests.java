package ai.interconnects.archive.episode;

import ai.interconnects.archive.transcript.DescriptionParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ParseWarningsTests {

	private final DescriptionParser parser = new DescriptionParser();

	@Test
	void aCleanTranscriptHasNoWarnings() {
		var html = "<p>Notes</p><h3>Chapters</h3><ul><li>00:00 Intro</li></ul><h3>Transcript</h3>"
				+ "<p>00:00:01 Nathan Lambert: Hello.</p>";
		var parsed = this.parser.parse(html);

		assertThat(ParseWarnings.of(html, parsed, parsed.segments().size())).isNull();
	}

	@Test
	void aTranscriptHeadingWithoutSegmentsIsReported() {
		var html = "<p>Notes</p><p><strong>Transcript:</strong></p><p>This is a public episode. Subscribe.</p>";
		var parsed = this.parser.parse(html);

		assertThat(parsed.segments()).isEmpty();
		assertThat(ParseWarnings.of(html, parsed, 0)).contains("Transcript heading but no transcript segment");
	}

	@Test
	void aTranscriptKeptFromAnEarlierVersionIsNotReportedAsMissing() {
		var html = "<p>Notes</p><h3>Transcript</h3><p>This is a public episode.</p>";
		var parsed = this.parser.parse(html);

		assertThat(ParseWarnings.of(html, parsed, 42)).isNull();
	}

	@Test
	void skippedChapterLinesAreReportedWithTheFirstOne() {
		var html = "<h3>Chapters</h3><ul><li>00:00 Intro</li><li>later: the rest</li><li>and more</li></ul>";
		var parsed = this.parser.parse(html);

		assertThat(ParseWarnings.of(html, parsed, 0)).isEqualTo(
				"2 line(s) in the chapter or transcript section were not recognised (kept in the show notes), first: chapter line: later: the rest");
	}

	@Test
	void aDescriptionWithoutTranscriptIsNotAProblem() {
		var html = "<p>Just show notes, mentioning the transcript in passing.</p>";
		var parsed = this.parser.parse(html);

		assertThat(ParseWarnings.of(html, parsed, 0)).isNull();
	}

}
