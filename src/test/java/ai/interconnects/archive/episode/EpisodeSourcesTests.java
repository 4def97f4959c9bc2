package ai.interconnects.archive.episode;

import java.util.List;

import ai.interconnects.archive.feed.client.ItemExtras;
import ai.interconnects.archive.transcript.ParsedDescription;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EpisodeSourcesTests {

	@Test
	void theBestTranscriptIsJsonThenVttThenSrtThenHtmlThenText() {
		var extras = new ItemExtras(
				List.of(new ItemExtras.FileLink("https://x.org/a.txt", "text/plain"),
						new ItemExtras.FileLink("https://x.org/a.srt", "application/srt"),
						new ItemExtras.FileLink("https://x.org/a.bin", "application/octet-stream"),
						new ItemExtras.FileLink("https://x.org/a.json", "application/json"),
						new ItemExtras.FileLink("https://x.org/a.vtt", "text/vtt")),
				null, List.of(), List.of(), List.of());

		assertThat(EpisodeSources.bestTranscript(extras).url()).isEqualTo("https://x.org/a.json");
		assertThat(EpisodeSources.bestTranscript(ItemExtras.NONE)).isNull();
	}

	@Test
	void podloveChaptersAreReadSortedAndUsedWhenAtLeastAsManyAsTheDescriptions() {
		var extras = new ItemExtras(List.of(), null,
				List.of(new ItemExtras.InlineChapter("1:10:00", "Goodbye", null, "https://x.org/bye.jpg"),
						new ItemExtras.InlineChapter("00:00:00.000", "Welcome", null, null),
						new ItemExtras.InlineChapter("00:02:30.500", "The news", "https://x.org/news", null),
						new ItemExtras.InlineChapter("soon", "No start", null, null)),
				List.of(), List.of());

		assertThat(EpisodeSources.inlineChapters(extras)).containsExactly(
				new ParsedDescription.Chapter(0, null, "Welcome", null, null),
				new ParsedDescription.Chapter(150, null, "The news", "https://x.org/news", null),
				new ParsedDescription.Chapter(4200, null, "Goodbye", null, "https://x.org/bye.jpg"));
		var fromDescription = new ParsedDescription("", "", List.of(new ParsedDescription.Chapter(0, "Intro")),
				List.of(), List.of(), List.of());
		assertThat(EpisodeSources.withInlineChapters(fromDescription, extras).chapters()).hasSize(3);
	}

}
