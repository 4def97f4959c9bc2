package ai.interconnects.archive.feed.client;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import ai.interconnects.archive.support.FeedServer;
import ai.interconnects.archive.web.TimeCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Feeds from hosts other than Substack, each fixture reproducing a way data was lost. */
class WildFeedParserTests {

	private final FeedParser parser = new FeedParser();

	private static byte[] fixture(String name) {
		var text = new String(FeedServer.resource("/feeds/" + name), StandardCharsets.UTF_8);
		return text.replace("{{base}}", "http://127.0.0.1:9").getBytes(StandardCharsets.UTF_8);
	}

	private static FeedItem item(ParsedFeed feed, String guid) {
		return feed.items().stream().filter((item) -> guid.equals(item.guid())).findFirst().orElseThrow();
	}

	@Test
	void podcastingTranscriptsAreReadUnderBothNamespacesWithoutUnsafeUrls() throws Exception {
		var feed = this.parser.parse(fixture("podcasting20-feed.xml"), null);

		var three = item(feed, "owk-3").extras();
		assertThat(three.transcripts()).containsExactly(
				new ItemExtras.FileLink("http://127.0.0.1:9/files/ep3.srt", "application/srt"),
				new ItemExtras.FileLink("http://127.0.0.1:9/files/ep3.json", "application/json"),
				new ItemExtras.FileLink("http://127.0.0.1:9/files/ep3.vtt", "text/vtt"));
		assertThat(three.chapters()).isEqualTo(
				new ItemExtras.FileLink("http://127.0.0.1:9/files/ep3-chapters.json", "application/json+chapters"));
		var two = item(feed, "owk-2").extras();
		assertThat(two.transcripts()).extracting(ItemExtras.FileLink::type).containsExactly("text/html", "text/plain");
		assertThat(two.chapters().url()).endsWith("/files/ep2-chapters.json");
	}

	@Test
	void podloveChaptersAreReadInline() throws Exception {
		var feed = this.parser.parse(fixture("podcasting20-feed.xml"), null);

		assertThat(item(feed, "owk-1").extras().inlineChapters()).containsExactly(
				new ItemExtras.InlineChapter("00:00:00.000", "Welcome", null, null),
				new ItemExtras.InlineChapter("00:02:30.500", "The news", "https://openweights.example/news", null),
				new ItemExtras.InlineChapter("1:10:00", "Goodbye", null, "https://openweights.example/bye.jpg"));
		assertThat(item(feed, "owk-1").extras().transcripts()).isEmpty();
	}

	@Test
	void datesRomeCannotParseAreReadLenientlyAndGuessesAreReported() throws Exception {
		var feed = this.parser.parse(fixture("lenient-feed.xml"), null);

		assertThat(item(feed, "date-1").publishedAt()).isEqualTo(Instant.parse("2011-01-11T01:30:00Z"));
		assertThat(item(feed, "date-1").extras().warnings()).isEmpty();
		assertThat(item(feed, "date-2").publishedAt()).isEqualTo(Instant.parse("2009-06-19T03:16:13Z"));
		assertThat(item(feed, "date-3").publishedAt()).isNull();
		assertThat(item(feed, "date-3").extras().warnings()).singleElement()
			.asString()
			.contains("'Wed, 05 Feb 2014 18:00:00 -3000' does not exist");
		assertThat(item(feed, "date-4").publishedAt()).isEqualTo(Instant.parse("2015-03-07T00:00:00Z"));
		assertThat(item(feed, "date-4").extras().warnings()).singleElement().asString().contains("UTC assumed");
		assertThat(item(feed, "date-5").publishedAt()).isNull();
		assertThat(item(feed, "date-5").extras().warnings()).singleElement()
			.asString()
			.contains("'sometime last spring' could not be read");
	}

	@Test
	void datesRomeRollsOverAreKeptAsWrittenWithoutADate() throws Exception {
		var feed = this.parser.parse(fixture("impossible-dates-feed.xml"), null);

		assertThat(feed.items()).extracting(FeedItem::title, FeedItem::publishedAt)
			.containsExactly(tuple("The Lantern", Instant.parse("2015-09-23T13:00:00Z")), tuple("The Well", null),
					tuple("The Ferry", null), tuple("The Orchard", null),
					tuple("The Bridge", Instant.parse("2015-06-18T10:00:00Z")));
		assertThat(feed.items()).extracting((item) -> String.join(" ", item.extras().warnings()))
			.containsExactly("",
					"The publication date 'Tue, 22 Sep 2015 09:00:00 -4500' does not exist"
							+ " (no place is -4500 from UTC); it is kept as written and the episode has no date",
					"The publication date 'Mon, 21 Sep 2015 15:12:352 +0000' does not exist"
							+ " (second 352); it is kept as written and the episode has no date",
					"The publication date 'Thu, 118 Jun 2015 10:00:00 GMT' does not exist"
							+ " (day 118 of June 2015); it is kept as written and the episode has no date",
					"");
	}

	@Test
	void enclosureUrlsWithSpacesAreEncodedNotDropped() throws Exception {
		var feed = this.parser.parse(fixture("lenient-feed.xml"), null);

		assertThat(item(feed, "url-1").audioUrl())
			.isEqualTo("https://cdn.example/audio/My%20Episode%20(final).mp3?x=a%20b");
	}

	@Test
	void notesFallBackToTheItunesSummaryAndMediaDescription() throws Exception {
		var feed = this.parser.parse(fixture("lenient-feed.xml"), null);
		assertThat(item(feed, "summary-1").description()).startsWith("Everything is in the summary.");

		var youtube = this.parser.parse(fixture("youtube-atom.xml"), null);
		assertThat(youtube.items()).singleElement()
			.extracting(FeedItem::description)
			.asString()
			.startsWith("The talk's description lives here.")
			.contains("\n\nIt has two paragraphs.");
	}

	@Test
	void fractionalDurationsRoundToTheNearestSecond() throws Exception {
		var feed = this.parser.parse(fixture("lenient-feed.xml"), null);

		assertThat(item(feed, "dur-1").durationSeconds()).isEqualTo(50);
		assertThat(TimeCode.duration("1:02:03.4")).isEqualTo(3723);
		assertThat(TimeCode.duration("2111")).isEqualTo(2111);
		assertThat(TimeCode.duration("35:11")).isEqualTo(2111);
		assertThat(TimeCode.duration("0")).isNull();
		assertThat(TimeCode.duration("about an hour")).isNull();
	}

	@Test
	void aFeedWithAnUndeclaredEntityInOneItemKeepsThatItemWithTheEntityAsText() throws Exception {
		var feed = this.parser.parse(fixture("broken-entity-feed.xml"), null);

		assertThat(feed.title()).isEqualTo("Broken Entity Show");
		assertThat(feed.items()).extracting(FeedItem::guid, FeedItem::description)
			.containsExactly(tuple("good-1", "Fine & well."), tuple("bad-1", "Arrows &gtgt; everywhere"),
					tuple("good-2", "Also fine."));
		assertThat(item(feed, "bad-1").extras().warnings()).singleElement()
			.isEqualTo("the undeclared entity &gtgt; at line 19 was kept as text");
		assertThat(feed.itemErrors()).isEmpty();
	}

	@Test
	void salvagingNeverLetsADoctypeThrough() {
		var xml = """
				<?xml version="1.0"?>
				<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
				<rss version="2.0"><channel><title>t</title>
				<item><title>&xxe;</title></item><item><title>ok &bad;</title></item>
				</channel></rss>
				""";
		org.assertj.core.api.Assertions.assertThatExceptionOfType(FeedException.class)
			.isThrownBy(() -> this.parser.parse(xml.getBytes(StandardCharsets.UTF_8), null))
			.withMessageContaining("DOCTYPE");
	}

	@Test
	void videoEnclosuresKeepTheirType() throws Exception {
		var feed = this.parser.parse(fixture("lenient-feed.xml"), null);

		assertThat(item(feed, "video-1").audioType()).isEqualTo("video/mp4");
	}

	@Test
	void isoLatin1FeedsAndRss10ItemsKeepTheirTextAndExtras() throws Exception {
		var latin1 = """
				<?xml version="1.0" encoding="ISO-8859-1"?>
				<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
				    xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:podcast="https://podcastindex.org/namespace/1.0">
				<channel rdf:about="https://old.example/"><title>Café Radio</title><link>https://old.example/</link>
				<description>d</description></channel>
				<item rdf:about="https://old.example/1"><title>Épisode un</title><link>https://old.example/1</link>
				<dc:date>Tue 11 Jan 2011 01:30:00 GMT</dc:date>
				<podcast:transcript url="https://old.example/1.vtt" type="text/vtt"/></item>
				</rdf:RDF>
				""".getBytes(StandardCharsets.ISO_8859_1);

		var feed = this.parser.parse(latin1, "application/rdf+xml");

		assertThat(feed.title()).isEqualTo("Café Radio");
		var item = feed.items().get(0);
		assertThat(item.title()).isEqualTo("Épisode un");
		assertThat(item.publishedAt()).isEqualTo(Instant.parse("2011-01-11T01:30:00Z"));
		assertThat(item.extras().transcripts()).extracting(ItemExtras.FileLink::url)
			.containsExactly("https://old.example/1.vtt");
	}

}
