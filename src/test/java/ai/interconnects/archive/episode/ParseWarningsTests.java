package ai.interconnects.archive.episode;

import java.util.List;

import ai.interconnects.archive.feed.client.ItemExtras;
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
	void aTranscriptHeadingIsNoFaultWhenTheItemLinksCaptionsOrATranscriptTheArchiveReads() {
		var html = "<p>Notes</p><p><strong>Transcript</strong></p><p>Captions and transcripts are linked below.</p>"
				+ "<p>This is a public episode.</p>";
		var parsed = this.parser.parse(html);
		var captions = new ItemExtras.FileLink("https://cdn.example/ep.vtt", "text/vtt");

		assertThat(ParseWarnings.of(html, parsed, 0, List.of(captions))).isNull();
		assertThat(ParseWarnings.of(html, parsed, 0,
				List.of(new ItemExtras.FileLink("https://cdn.example/ep.srt", "application/x-subrip"))))
			.isNull();
	}

	@Test
	void aTranscriptFileInAFormatTheArchiveDoesNotReadIsSaidSo() {
		var html = "<p>Notes</p><h3>Transcript</h3><p>This is a public episode.</p>";
		var parsed = this.parser.parse(html);
		var ttml = new ItemExtras.FileLink("https://cdn.example/ep.ttml", "application/ttml+xml");

		assertThat(ParseWarnings.of(html, parsed, 0, List.of(ttml)))
			.contains("Transcript heading but no transcript segment")
			.contains("1 transcript file(s) in no format the archive reads")
			.contains("https://cdn.example/ep.ttml (application/ttml+xml)");
	}

	@Test
	void aReparseKeepsWhatReadingTheItemReported() {
		var html = "<p>Notes</p><h3>Transcript</h3><p>This is a public episode.</p>";
		var description = ParseWarnings.of(html, this.parser.parse(html), 0);
		var date = "The publication date 'Thu, 118 Jun 2015' does not exist (day 118 of June 2015); it is kept as"
				+ " written and the episode has no date";
		var stored = ParseWarnings.join(description, List.of(date, "the undeclared entity &gtgt; at line 9 was kept"));

		assertThat(ParseWarnings.fromTheItem(stored)).containsExactly(date,
				"the undeclared entity &gtgt; at line 9 was kept");
		assertThat(ParseWarnings.fromTheItem(null)).isEmpty();
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
