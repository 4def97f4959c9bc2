package ai.interconnects.archive.feed.client;

import java.nio.charset.StandardCharsets;

import ai.interconnects.archive.feed.client.ItemExtras.Person;
import ai.interconnects.archive.support.FeedServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PodcastPersonsTests {

	private final FeedParser parser = new FeedParser();

	private static final Person ADA = new Person("Ada Host", "host", "cast", "https://peopletalk.example/ada.jpg",
			"https://peopletalk.example/ada");

	private static final Person PAT = new Person("Pat Producer", "producer", "audio post-production", null, null);

	@Test
	void anItemWithoutPersonsGetsTheChannelsWithTheSpecsDefaults() throws Exception {
		var feed = this.parser.parse(FeedServer.resource("/feeds/persons-feed.xml"), null);

		assertThat(item(feed, "Channel persons only").extras().persons()).containsExactly(ADA, PAT);
	}

	@Test
	void anItemsOwnPersonsReplaceTheChannels() throws Exception {
		var feed = this.parser.parse(FeedServer.resource("/feeds/persons-feed.xml"), null);

		assertThat(item(feed, "A guest joins").extras().persons()).containsExactly(
				new Person("Ada Host", "host", "cast", null, "https://peopletalk.example/ada"),
				new Person("Grace Guest", "guest", "cast", "https://grace.example/me.png", "https://grace.example/"),
				new Person("Quiet Listener", "guest", "cast", null, null));
	}

	@Test
	void theOlderNamespaceUriIsReadToo() throws Exception {
		var feed = this.parser.parse(FeedServer.resource("/feeds/persons-feed.xml"), null);

		assertThat(item(feed, "Older namespace URI").extras().persons())
			.containsExactly(new Person("Ola Oldns", "guest", "cast", null, null));
	}

	@Test
	void hostileValuesAreDroppedBoundedOrCollapsed() throws Exception {
		var feed = this.parser.parse(FeedServer.resource("/feeds/persons-feed.xml"), null);

		var persons = item(feed, "Hostile persons").extras().persons();

		assertThat(persons).extracting(Person::name)
			.containsExactly("Mallory <script>", "Eve Evil", "Long" + "o".repeat(124));
		// javascript: and data: URLs are not kept; the same name in the same role is one
		// person (the first)
		assertThat(persons.get(0)).isEqualTo(new Person("Mallory <script>", "guest", "cast", null, null));
		// markup in a role or group is no role: the defaults apply
		assertThat(persons.get(1).role()).isEqualTo("host");
		assertThat(persons.get(1).group()).isEqualTo("cast");
		assertThat(persons.get(2).name()).hasSize(PodcastPersons.MAX_NAME);
	}

	@Test
	void atMostFiftyPersonsAreReadAndOverlongUrlsDropped() throws Exception {
		var many = new StringBuilder();
		for (int i = 0; i < 80; i++) {
			many.append("<podcast:person role=\"guest\">Guest ").append(i).append("</podcast:person>");
		}
		many.append("<podcast:person href=\"https://x.example/")
			.append("a".repeat(3000))
			.append("\">Late</podcast:person>");
		var feed = this.parser.parse(rss("<item><title>Crowd</title>" + many + "</item>"
				+ "<item><title>Long link</title><podcast:person href=\"https://x.example/" + "a".repeat(3000)
				+ "\">Linked</podcast:person></item>"), null);

		assertThat(feed.items().get(0).extras().persons()).hasSize(PodcastPersons.MAX_PERSONS);
		assertThat(feed.items().get(1).extras().persons())
			.containsExactly(new Person("Linked", "host", "cast", null, null));
	}

	@Test
	void personsChangeTheContentHashAndItemsWithoutPersonsKeepTheirs() throws Exception {
		var plain = this.parser.parse(rss("<item><title>T</title><guid>g</guid></item>"), null).items().get(0);
		var withHost = this.parser
			.parse(rss("<item><title>T</title><guid>g</guid><podcast:person>Ada</podcast:person></item>"), null)
			.items()
			.get(0);
		var withGuest = this.parser
			.parse(rss(
					"<item><title>T</title><guid>g</guid><podcast:person role=\"guest\">Ada</podcast:person></item>"),
					null)
			.items()
			.get(0);

		assertThat(plain.contentHash())
			.isEqualTo(new FeedItem("g", "T", null, null, null, null, null, null, null, null, null).contentHash());
		assertThat(withHost.contentHash()).isNotEqualTo(plain.contentHash()).isNotEqualTo(withGuest.contentHash());
		assertThat(withHost.contentHash()).isEqualTo(this.parser
			.parse(rss("<item><title>T</title><guid>g</guid><podcast:person>Ada</podcast:person></item>"), null)
			.items()
			.get(0)
			.contentHash());
	}

	private static FeedItem item(ParsedFeed feed, String title) {
		return feed.items().stream().filter((item) -> item.title().equals(title)).findFirst().orElseThrow();
	}

	private static byte[] rss(String items) {
		return ("<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:podcast=\"https://podcastindex.org/namespace/1.0\">"
				+ "<channel><title>Show</title>" + items + "</channel></rss>")
			.getBytes(StandardCharsets.UTF_8);
	}

}
