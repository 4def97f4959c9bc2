package ai.interconnects.archive.feed.client;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import ai.interconnects.archive.support.FeedServer;
import ai.interconnects.archive.transcript.DescriptionParser;
import ai.interconnects.archive.transcript.ParsedDescription;
import ai.interconnects.archive.transcript.TranscriptFiles;
import ai.interconnects.archive.transcript.TranscriptFormat;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The library's other shows, in their hosts' shapes (src/test/resources/feeds/library),
 * read by the same client and parsers as Interconnects: what each gives the archive.
 */
class LibraryFeedShapesTests {

	private static final String BASE = "http://127.0.0.1:9";

	private final FeedParser parser = new FeedParser();

	private final DescriptionParser descriptions = new DescriptionParser();

	@Test
	void aSecondSubstackShowHasItsTranscriptsInTheDescriptionWithDeanBallSpeaking() throws Exception {
		var feed = parse("frontier-policy-substack.xml");

		assertThat(feed.title()).isEqualTo("Frontier Policy Hour");
		assertThat(feed.items()).extracting(FeedItem::title)
			.containsExactly("Dean Ball on state laws and the federal preemption fight", "The distillation panic",
					"Nathan Lambert on who pays for open models");
		var dean = this.descriptions.parse(feed.items().get(0).description());
		assertThat(dean.chapters()).extracting(ParsedDescription.Chapter::title)
			.containsExactly("Introduction", "Why the states moved first", "What preemption would have to offer",
					"Liability and open weights");
		assertThat(dean.segments()).extracting(ParsedDescription.Segment::speaker)
			.contains("Dean Ball", "Miriam Okafor");
		assertThat(this.descriptions.parse(feed.items().get(2).description()).segments())
			.extracting(ParsedDescription.Segment::speaker)
			.contains("Nathan Lambert");
	}

	@Test
	void libsynEpisodesHaveNoTranscriptAndChaptersFoundByShapeInTheNotes() throws Exception {
		var feed = parse("gradient-ascent-libsyn.xml");

		assertThat(feed.title()).isEqualTo("Gradient Ascent");
		assertThat(feed.items()).hasSize(3);
		var first = feed.items().get(0);
		assertThat(first.guid()).isEqualTo("4f2c8a1e-9b3d-4e6f-a7c5-1d2e3f4a5b6c");
		assertThat(first.audioUrl())
			.isEqualTo("https://traffic.libsyn.com/secure/gradientascent/GA_112_evals.mp3?dest-id=512345");
		assertThat(first.durationSeconds()).isEqualTo(44 * 60 + 51);
		assertThat(first.extras().transcripts()).isEmpty();
		var parsed = this.descriptions.parse(first.description());
		assertThat(parsed.segments()).isEmpty();
		assertThat(parsed.chapters()).extracting(ParsedDescription.Chapter::startSeconds)
			.containsExactly(0, 161, 665, 1470, 2292);
		assertThat(feed.items().get(2).episodeType()).isEqualTo("trailer");
	}

	@Test
	void simplecastLinksATranscriptFileInTwoFormatsWhoseVttNamesDeanBall() throws Exception {
		var feed = parse("model-context-simplecast.xml");

		var first = feed.items().get(0);
		assertThat(first.guid()).isEqualTo("b7e3c1a9-2f4d-4e8b-9a6c-5d3e1f2a4b6c");
		assertThat(first.durationSeconds()).isEqualTo(41 * 60 + 56);
		assertThat(first.extras().transcripts()).extracting(ItemExtras.FileLink::url, ItemExtras.FileLink::type)
			.containsExactly(tuple(BASE + "/library/files/mc-2.vtt", "text/vtt"),
					tuple(BASE + "/library/files/mc-2.html", "text/html"));
		assertThat(feed.items().get(1).extras().transcripts()).isEmpty();
		var vtt = TranscriptFiles.transcript(TranscriptFormat.VTT, file("mc-2.vtt"));
		assertThat(vtt).extracting(ParsedDescription.Segment::speaker).contains("Dean Ball", "Hannah Weiss");
	}

	@Test
	void megaphoneEpisodesHaveNeitherTranscriptNorChaptersAndKeepTheirTrackedAudio() throws Exception {
		var feed = parse("compute-weekly-megaphone.xml");

		assertThat(feed.title()).isEqualTo("Compute Weekly");
		var first = feed.items().get(0);
		assertThat(first.audioUrl())
			.startsWith("https://www.podtrac.com/pts/redirect.mp3/pdst.fm/e/traffic.megaphone.fm/");
		assertThat(first.publishedAt()).isEqualTo(Instant.parse("2026-05-15T04:00:00Z"));
		assertThat(first.durationSeconds()).isEqualTo(2714);
		assertThat(first.extras().hasFiles()).isFalse();
		var parsed = this.descriptions.parse(first.description());
		assertThat(parsed.chapters()).isEmpty();
		assertThat(parsed.segments()).isEmpty();
		assertThat(parsed.showNotesHtml()).contains("interconnection queues");
	}

	@Test
	void podloveEpisodesCarryInlineChaptersAndOneAVttTranscript() throws Exception {
		var feed = parse("offene-gewichte-podlove.xml");

		assertThat(feed.language()).isEqualTo("de-DE");
		var first = feed.items().get(0);
		assertThat(first.extras().inlineChapters()).extracting(ItemExtras.InlineChapter::title)
			.containsExactly("Begrüßung", "Was ein europäisches Rechenzentrum leisten muss", "Vergabe von Rechenzeit",
					"Verabschiedung");
		assertThat(first.extras().transcripts()).extracting(ItemExtras.FileLink::url)
			.containsExactly(BASE + "/library/files/og-29.vtt");
		assertThat(feed.items().get(1).extras().transcripts()).isEmpty();
		assertThat(feed.items().get(1).extras().inlineChapters()).hasSize(3);
	}

	@Test
	void aPodcastingTwoShowCreditsDeanBallAsGuestAndLinksJsonTranscriptAndChapters() throws Exception {
		var feed = parse("open-source-hour-p20.xml");

		var first = feed.items().get(0);
		assertThat(first.extras().persons()).extracting(ItemExtras.Person::name, ItemExtras.Person::role)
			.containsExactly(tuple("Sam Ortega", "host"), tuple("Dean Ball", "guest"));
		assertThat(first.extras().transcripts()).extracting(ItemExtras.FileLink::type)
			.containsExactly("application/json", "application/srt");
		assertThat(first.extras().chapters().url()).isEqualTo(BASE + "/library/files/osh-41-chapters.json");
		var json = TranscriptFiles.transcript(TranscriptFormat.JSON, file("osh-41.json"));
		assertThat(json).extracting(ParsedDescription.Segment::speaker).contains("Dean Ball", "Sam Ortega");
		assertThat(TranscriptFiles.chapters(file("osh-41-chapters.json"))).hasSize(4);
		// the channel's host is not repeated on an item that names its own persons
		assertThat(feed.items().get(1).extras().persons()).extracting(ItemExtras.Person::name)
			.containsExactly("Ada Mensah");
	}

	private ParsedFeed parse(String name) throws FeedException {
		var xml = new String(FeedServer.resource("/feeds/library/" + name), StandardCharsets.UTF_8).replace("{{base}}",
				BASE);
		return this.parser.parse(xml.getBytes(StandardCharsets.UTF_8), "application/rss+xml");
	}

	private static String file(String name) {
		return new String(FeedServer.resource("/feeds/library/files/" + name), StandardCharsets.UTF_8);
	}

}
