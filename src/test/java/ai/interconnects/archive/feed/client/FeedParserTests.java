package ai.interconnects.archive.feed.client;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import ai.interconnects.archive.support.FeedServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FeedParserTests {

	private final FeedParser parser = new FeedParser();

	@Test
	void readsTheChannelAndAllElevenItemsOfTheFixture() throws Exception {
		var feed = this.parser.parse(FeedServer.resource("/feeds/interconnects-feed.xml"), "application/rss+xml");

		assertThat(feed.title()).isEqualTo("Interconnects");
		assertThat(feed.author()).isEqualTo("Nathan Lambert");
		assertThat(feed.imageUrl()).isEqualTo("https://substackcdn.com/feed/podcast/48206/cover.jpg");
		assertThat(feed.items()).hasSize(11);
		assertThat(feed.itemErrors()).isEmpty();
		FeedItem dean = feed.items()
			.stream()
			.filter((item) -> item.title().startsWith("Dean Ball"))
			.findFirst()
			.orElseThrow();
		assertThat(dean.guid()).isEqualTo("substack:post:190015838");
		assertThat(dean.durationSeconds()).isEqualTo(2111);
		assertThat(dean.publishedAt()).isEqualTo(Instant.parse("2026-03-06T14:03:21Z"));
		assertThat(dean.audioUrl())
			.isEqualTo("https://api.substack.com/feed/podcast/190015838/0556b78f48da290fb9b303771b09c946.mp3");
		assertThat(dean.audioType()).isEqualTo("audio/mpeg");
		assertThat(dean.audioLength()).isEqualTo(33776000L);
		assertThat(dean.episodeType()).isEqualTo("full");
		assertThat(dean.imageUrl())
			.isEqualTo("https://substackcdn.com/feed/podcast/48206/post/190015838/0556b78f48da290f.jpg");
		assertThat(dean.link())
			.isEqualTo("https://www.interconnects.ai/p/dean-ball-on-open-models-and-government-control");
		assertThat(dean.description()).contains("<h3>Transcript</h3>");
	}

	@Test
	void clockDurationsAndMissingOptionalFieldsAreHandled() throws Exception {
		var feed = this.parser.parse(rss("""
				<item><title>Clock</title><itunes:duration>1:02:03</itunes:duration></item>
				<item><title>Minutes</title><itunes:duration>35:11</itunes:duration><guid>g2</guid></item>
				<item><title>Nothing else</title></item>
				"""), null);

		assertThat(feed.items()).extracting(FeedItem::durationSeconds).containsExactly(3723, 2111, null);
		assertThat(feed.items().get(2).audioUrl()).isNull();
		assertThat(feed.items().get(2).guid()).isNull();
	}

	@Test
	void onlyWebUrlsAreKeptForLinksEnclosuresAndImages() throws Exception {
		var feed = this.parser.parse(rss("""
				<item><title>Hostile</title><link>javascript:alert(1)</link>
				<enclosure url="data:audio/mpeg;base64,AAAA" type="audio/mpeg" length="4"/>
				<itunes:image href="javascript:alert(2)"/></item>
				"""), null);

		var item = feed.items().get(0);
		assertThat(item.link()).isNull();
		assertThat(item.audioUrl()).isNull();
		assertThat(item.imageUrl()).isNull();
	}

	@Test
	void anItemWithoutATitleIsReportedAndTheOthersAreKept() throws Exception {
		var feed = this.parser.parse(rss("""
				<item><guid>no-title</guid><description>x</description></item>
				<item><title>Fine</title><guid>fine</guid></item>
				"""), null);

		assertThat(feed.items()).extracting(FeedItem::title).containsExactly("Fine");
		assertThat(feed.itemErrors()).singleElement()
			.satisfies((error) -> assertThat(error.message()).contains("no title"));
	}

	@Test
	void externalEntitiesAreRefused() {
		var xxe = """
				<?xml version="1.0"?>
				<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
				<rss version="2.0"><channel><title>&xxe;</title></channel></rss>
				""";
		assertThatExceptionOfType(FeedException.class)
			.isThrownBy(() -> this.parser.parse(xxe.getBytes(StandardCharsets.UTF_8), "application/xml"))
			.withMessageContaining("not valid RSS/XML")
			.withMessageContaining("DOCTYPE")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("root:"));
	}

	@Test
	void entityExpansionIsRefused() {
		var lol = """
				<?xml version="1.0"?>
				<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
				<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>
				<rss version="2.0"><channel><title>&lol2;</title></channel></rss>
				""";
		assertThatExceptionOfType(FeedException.class)
			.isThrownBy(() -> this.parser.parse(lol.getBytes(StandardCharsets.UTF_8), "application/xml"))
			.withMessageContaining("DOCTYPE");
	}

	@Test
	void anHtmlPageIsRecognisedAsSuch() {
		var html = "<!DOCTYPE html><html><body>Sorry, we are down</body></html>".getBytes(StandardCharsets.UTF_8);
		assertThatExceptionOfType(FeedException.class).isThrownBy(() -> this.parser.parse(html, null))
			.withMessageContaining("HTML page, not an RSS feed");
		assertThatExceptionOfType(FeedException.class)
			.isThrownBy(
					() -> this.parser.parse("<p>hi</p>".getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8"))
			.withMessageContaining("HTML page");
	}

	@Test
	void aTruncatedFeedKeepsTheItemsBeforeTheCutAndSaysWhereItEnds() throws Exception {
		var whole = FeedServer.resource("/feeds/interconnects-feed.xml");
		var truncated = java.util.Arrays.copyOf(whole, whole.length / 2);

		var feed = this.parser.parse(truncated, null);

		assertThat(feed.title()).isEqualTo("Interconnects");
		assertThat(feed.items()).isNotEmpty().hasSizeLessThan(11);
		assertThat(feed.items().size() + feed.itemErrors().size()).isLessThanOrEqualTo(11);
		assertThat(feed.warnings()).singleElement().asString().contains("cut off at line");
	}

	@Test
	void invalidXmlCharactersAreReported() {
		var bad = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>a\u0001b</title></channel></rss>";
		assertThatExceptionOfType(FeedException.class)
			.isThrownBy(() -> this.parser.parse(bad.getBytes(StandardCharsets.UTF_8), null))
			.withMessageContaining("not valid RSS/XML");
	}

	@Test
	void aWrongDeclaredCharsetDoesNotLoseTheFeed() throws Exception {
		var latin1 = rss("<item><title>Café</title></item>");
		var feed = this.parser.parse(latin1, "application/rss+xml; charset=bogus-charset");
		assertThat(feed.items()).extracting(FeedItem::title).containsExactly("Café");
	}

	@Test
	void anEmptyBodyIsReported() {
		assertThatExceptionOfType(FeedException.class).isThrownBy(() -> this.parser.parse(new byte[0], null))
			.withMessageContaining("empty");
	}

	static byte[] rss(String items) {
		return ("""
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>
				<title>Test</title><link>https://example.com/</link><description>d</description>
				""" + items + "</channel></rss>").getBytes(StandardCharsets.UTF_8);
	}

}
