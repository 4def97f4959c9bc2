package ai.interconnects.archive.transcript;

import java.nio.charset.StandardCharsets;

import ai.interconnects.archive.support.FeedServer;
import ai.interconnects.archive.transcript.ParsedDescription.Chapter;
import ai.interconnects.archive.transcript.ParsedDescription.Segment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TranscriptFilesTests {

	private static String file(String name) {
		return new String(FeedServer.resource("/feeds/" + name), StandardCharsets.UTF_8);
	}

	@Test
	void webVttCuesBecomeTurnsNamedByTheirVoicesWithStartAndEnd() {
		var segments = TranscriptFiles.transcript(TranscriptFormat.VTT, file("transcript.vtt"));

		assertThat(segments).containsExactly(
				new Segment(0, 7, "Nathan Lambert",
						"Welcome to Interconnects. Today I'm talking with someone who builds open models & datasets."),
				new Segment(6, 13, "Dean Ball", "Thanks for having me. It's great to be here."),
				new Segment(62, 66, "Nathan Lambert", "Let's start with policy."));
	}

	@Test
	void srtNamePrefixesNameTheSpeakerAndUnnamedCuesContinueTheTurn() {
		var segments = TranscriptFiles.transcript(TranscriptFormat.SRT, file("transcript.srt"));

		assertThat(segments).containsExactly(new Segment(0, 8, "Nathan Lambert",
				"Welcome back to the show. This is the second line of the first cue. We have a lot to cover today."),
				new Segment(8, 11, "SPEAKER 2", "Glad to be here."),
				new Segment(3600, 3603, "Nathan Lambert", "An hour in."));
	}

	@Test
	void wordLevelJsonSegmentsAreJoinedIntoTurns() {
		var segments = TranscriptFiles.transcript(TranscriptFormat.JSON, file("transcript-words.json"));

		assertThat(segments).containsExactly(
				new Segment(0, 5, "Nathan Lambert", "Hello and welcome. Today's guest builds models, right?"),
				new Segment(4, 6, "Dean Ball", "That's right."),
				new Segment(72, 76, "Nathan Lambert", "A whole sentence after a long pause."));
	}

	@Test
	void aLongPauseOrALongTurnStartsANewParagraphOfTheSameSpeaker() {
		var sentence = "This sentence is about forty characters. ";
		var json = new StringBuilder("{\"segments\":[");
		for (int i = 0; i < 12; i++) {
			json.append("{\"speaker\":\"A\",\"startTime\":")
				.append(i)
				.append(",\"endTime\":")
				.append(i + 1)
				.append(",\"body\":\"")
				.append(sentence.strip())
				.append("\"},");
		}
		json.append("{\"speaker\":\"A\",\"startTime\":30,\"endTime\":31,\"body\":\"After a pause.\"}]}");

		var segments = TranscriptFiles.transcript(TranscriptFormat.JSON, json.toString());

		assertThat(segments).extracting(Segment::startSeconds).containsExactly(0, 10, 30);
		assertThat(segments.get(0).text()).hasSizeGreaterThanOrEqualTo(Turns.PARAGRAPH).endsWith(".");
		assertThat(segments).extracting(Segment::speaker).containsOnly("A");
	}

	@Test
	void podcastingHtmlTranscriptsReadCiteTimeAndParagraphs() {
		var segments = TranscriptFiles.transcript(TranscriptFormat.HTML, file("transcript.html"));

		assertThat(segments).containsExactly(new Segment(0, "Nathan Lambert", "Welcome to the show."),
				new Segment(7, "Dean Ball", "Thanks for having me."),
				new Segment(null, "Dean Ball", "A second paragraph of the same turn."),
				new Segment(3723, "Nathan Lambert", "We are an hour in."));
	}

	@Test
	void htmlTranscriptsWithoutCiteReadTimedSpeakerParagraphs() {
		var segments = TranscriptFiles.transcript(TranscriptFormat.HTML,
				"<html><body><h1>Episode 4</h1><p>00:00:05 Nathan Lambert: Hi.</p><p>More words.</p></body></html>");

		assertThat(segments).containsExactly(new Segment(null, null, "Episode 4"),
				new Segment(5, "Nathan Lambert", "Hi."), new Segment(null, "Nathan Lambert", "More words."));
	}

	@Test
	void textTranscriptsKeepParagraphsSpeakerHeadersAndTimes() {
		var segments = TranscriptFiles.transcript(TranscriptFormat.TEXT, file("transcript.txt"));

		assertThat(segments).containsExactly(
				new Segment(0, "Nathan Lambert",
						"Welcome to the show. This transcript was exported from a transcription service."),
				new Segment(7, "Dean Ball", "Thanks for having me."),
				new Segment(null, "Dean Ball", "And a second paragraph without a header."),
				new Segment(62, "Nathan Lambert", "A timed line in another style."));
	}

	@Test
	void chaptersJsonIsSortedKeepsEndsLinksAndImagesAndLeavesOutNonTocEntries() {
		var chapters = TranscriptFiles.chapters(file("chapters.json"));

		assertThat(chapters).containsExactly(new Chapter(0, 95, "Introductions", null, null),
				new Chapter(95, null, "Open models", "https://example.org/open", "https://example.org/open.jpg"),
				new Chapter(3723, null, "Policy", null, null));
	}

	@Test
	void podloveChapterStartsWithFractionsAreRead() {
		assertThat(TranscriptFiles.podloveChapter("00:01:02.500", " Intro ", "https://example.org", null))
			.isEqualTo(new Chapter(62, null, "Intro", "https://example.org", null));
		assertThat(TranscriptFiles.podloveChapter("1:02", "Short form", null, "javascript:x"))
			.isEqualTo(new Chapter(62, null, "Short form", null, null));
		assertThat(TranscriptFiles.podloveChapter("soon", "No start", null, null)).isNull();
	}

	@Test
	void chapterLinksFollowTheFeedsUrlRule() {
		// written with a space: encoded and kept, as a feed's links are; no host: dropped
		assertThat(TranscriptFiles.chapters(
				"""
						{"chapters": [{"startTime": 0, "title": "Intro", "url": "https://example.org/a b", "img": "http://"}]}"""))
			.containsExactly(new Chapter(0, null, "Intro", "https://example.org/a%20b", null));
		assertThat(TranscriptFiles.podloveChapter("0", "Intro", "https:///no-host", "HTTPS://example.org/i.png"))
			.isEqualTo(new Chapter(0, null, "Intro", null, "HTTPS://example.org/i.png"));
	}

	@Test
	void aFileThatIsNotWhatItClaimsIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TranscriptFiles.transcript(TranscriptFormat.JSON, "<html>not json</html>"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TranscriptFiles.transcript(TranscriptFormat.VTT, "WEBVTT\n\nno cues here"));
		assertThatIllegalArgumentException().isThrownBy(() -> TranscriptFiles.chapters("{\"chapters\": [1, "));
	}

	@Test
	void theFormatComesFromTheTypeOrTheExtension() {
		assertThat(TranscriptFormat.of("application/json", null)).isEqualTo(TranscriptFormat.JSON);
		assertThat(TranscriptFormat.of("text/vtt; charset=utf-8", null)).isEqualTo(TranscriptFormat.VTT);
		assertThat(TranscriptFormat.of("application/srt", null)).isEqualTo(TranscriptFormat.SRT);
		assertThat(TranscriptFormat.of(null, "https://x.org/ep1.srt?v=2")).isEqualTo(TranscriptFormat.SRT);
		assertThat(TranscriptFormat.of("", "https://x.org/ep1.txt")).isEqualTo(TranscriptFormat.TEXT);
		assertThat(TranscriptFormat.of("audio/mpeg", "https://x.org/ep1.mp3")).isNull();
		assertThat(TranscriptFormat.JSON.preference()).isLessThan(TranscriptFormat.VTT.preference());
	}

}
