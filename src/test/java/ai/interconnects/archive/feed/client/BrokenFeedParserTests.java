package ai.interconnects.archive.feed.client;

import java.nio.charset.StandardCharsets;

import ai.interconnects.archive.support.FeedServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Feeds that are not well-formed XML, as real hosts publish them: whatever is intact is
 * kept, every repair and every item left out is reported with its line in the file.
 */
class BrokenFeedParserTests {

	private final FeedParser parser = new FeedParser();

	private static String text(String name) {
		return new String(FeedServer.resource("/feeds/" + name), StandardCharsets.UTF_8);
	}

	private ParsedFeed parse(String text) throws FeedException {
		return this.parser.parse(text.getBytes(StandardCharsets.UTF_8), "application/rss+xml");
	}

	/**
	 * The line (from 1) of the first occurrence of {@code marker} after {@code after}.
	 */
	private static int lineOf(String text, String after, String marker) {
		int at = text.indexOf(marker, text.indexOf(after));
		return (int) text.substring(0, at).chars().filter((c) -> c == '\n').count() + 1;
	}

	private static FeedItem item(ParsedFeed feed, String guid) {
		return feed.items().stream().filter((item) -> guid.equals(item.guid())).findFirst().orElseThrow();
	}

	@Test
	void anUndeclaredEntityIsKeptAsTextWithAWarningGivingItsLineInTheFile() throws Exception {
		var text = text("no-agenda-entity-feed.xml");

		var feed = parse(text);

		var kept = item(feed, "http://1338.noagendanotes.com");
		assertThat(kept.audioUrl()).isEqualTo("https://mp3s.nashownotes.example/NA-1338-2021-04-11-Final.mp3");
		assertThat(kept.description()).contains("&gtgt; knees").contains("http://1338.noagendanotes.com");
		assertThat(kept.extras().chapters().url()).endsWith("/NA-1338.json");
		int line = lineOf(text, "<title>1338", "&gtgt;");
		assertThat(line).isGreaterThan(40);
		assertThat(kept.extras().warnings()).singleElement()
			.isEqualTo("the undeclared entity &gtgt; at line " + line + " was kept as text");
		assertThat(feed.items()).extracting(FeedItem::title)
			.containsExactly("1337: Hail Mary", "1338: Clot Shot", "1340: Covid Cabal");
		assertThat(feed.warnings()).singleElement()
			.isEqualTo("Item '1338: Clot Shot': the undeclared entity &gtgt; at line " + line + " was kept as text");
	}

	@Test
	void anItemLeftOutIsReportedWithItsLineInTheFileAndItsTitleAsText() throws Exception {
		var text = text("no-agenda-entity-feed.xml");

		var feed = parse(text);

		int line = lineOf(text, "<title>1339", "</itunes:subtitle>");
		assertThat(feed.itemErrors()).singleElement().satisfies((error) -> {
			assertThat(error.key()).isEqualTo("http://1339.noagendanotes.com");
			assertThat(error.title()).isEqualTo("1339: \"Knees & Elbows\"");
			assertThat(error.message()).startsWith("Not valid XML at line " + line + ", item skipped: ")
				.contains("\"b\"");
		});
	}

	@Test
	void anUndeclaredPrefixInTheChannelIsDeclaredAndEveryItemKept() throws Exception {
		var feed = parse(text("undeclared-atom-prefix-feed.xml"));

		assertThat(feed.title()).isEqualTo("Garden Variety Radio");
		assertThat(feed.author()).isEqualTo("Garden Variety Radio");
		assertThat(feed.items()).extracting(FeedItem::title)
			.containsExactly("Episode 12: Tomatoes on a balcony", "Episode 11: Compost in a flat");
		assertThat(feed.items().get(0).audioUrl()).endsWith("/gv-012.mp3");
		assertThat(feed.itemErrors()).isEmpty();
		assertThat(feed.warnings()).singleElement()
			.asString()
			.contains("prefix 'atom:' without declaring it")
			.contains("http://www.w3.org/2005/Atom");
	}

	@Test
	void aTruncatedFileKeepsItsCompleteItemsAndReportsTheOneItEndsIn() throws Exception {
		var text = text("truncated-feed.xml");

		var feed = parse(text);

		assertThat(feed.title()).isEqualTo("Tinker Hour");
		assertThat(feed.items()).extracting(FeedItem::title)
			.containsExactly("Ep. 42 - The Toaster", "Ep. 41 - The Radio");
		int lastLine = (int) text.chars().filter((c) -> c == '\n').count() + 1;
		assertThat(feed.itemErrors()).singleElement().satisfies((error) -> {
			assertThat(error.title()).isEqualTo("Ep. 40 - The Typewriter");
			assertThat(error.key()).isEqualTo("5c1e2a9b-0f2d-4a31-9d7e-tinker-40");
			assertThat(error.message()).contains("cut off at line " + lastLine);
		});
		assertThat(feed.warnings()).singleElement().asString().contains("cut off at line " + lastLine);
	}

	@Test
	void aBrokenChannelElementIsLeftOutAndTheItemsKept() throws Exception {
		var feed = parse("""
				<?xml version="1.0"?>
				<rss version="2.0"><channel><title>Kept</title>
				<description>An <b>unclosed tag</description>
				<item><title>One</title><guid>1</guid></item>
				</channel></rss>
				""");

		assertThat(feed.title()).isEqualTo("Kept");
		assertThat(feed.description()).isNull();
		assertThat(feed.items()).extracting(FeedItem::title).containsExactly("One");
		assertThat(feed.warnings()).singleElement()
			.asString()
			.startsWith("The channel's <description> at line 3 is not valid XML and was left out");
	}

	@Test
	void aFileThatEndsBeforeAnyItemIsStillRefusedWithItsLine() {
		assertThatExceptionOfType(FeedException.class)
			.isThrownBy(() -> parse("<?xml version=\"1.0\"?>\n<rss><channel>\n<title>cut"))
			.withMessageStartingWith("The feed is not valid RSS/XML at line 3: ");
	}

}
