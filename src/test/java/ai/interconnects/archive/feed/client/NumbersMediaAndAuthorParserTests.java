package ai.interconnects.archive.feed.client;

import java.nio.charset.StandardCharsets;

import ai.interconnects.archive.support.FeedServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What items and channels say that was never kept: season and episode numbers, the show's
 * type, alternate files of an episode, an author given only as an Atom person.
 */
class NumbersMediaAndAuthorParserTests {

	private final FeedParser parser = new FeedParser();

	private ParsedFeed parse(String name) throws FeedException {
		return this.parser.parse(FeedServer.resource("/feeds/" + name), "application/rss+xml");
	}

	private ParsedFeed parseText(String xml) throws FeedException {
		return this.parser.parse(xml.getBytes(StandardCharsets.UTF_8), "application/rss+xml");
	}

	@Test
	void seasonAndEpisodeNumbersAndTheShowTypeAreRead() throws Exception {
		var feed = parse("episodic-seasons-feed.xml");

		assertThat(feed.showType()).isEqualTo("episodic");
		assertThat(feed.items())
			.extracting(FeedItem::title, (item) -> item.extras().season(), (item) -> item.extras().episode())
			.containsExactly(tuple("The Fence", 2, 3), tuple("The Gate (re-release)", 2, 2), tuple("The Path", 2, 1),
					tuple("Season 2 trailer", null, null), tuple("The Shed", 1, 2), tuple("The Yard", 1, 1));
	}

	@Test
	void numbersThatAreNotWholeNumbersAreReportedNotGuessed() throws Exception {
		var feed = parseText(
				"""
						<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>t</title>
						<itunes:type>Serial</itunes:type>
						<item><title>a</title><guid>a</guid><itunes:season>two</itunes:season><itunes:episode>14</itunes:episode></item>
						</channel></rss>""");

		assertThat(feed.showType()).isEqualTo("serial");
		var extras = feed.items().get(0).extras();
		assertThat(extras.season()).isNull();
		assertThat(extras.episode()).isEqualTo(14);
		assertThat(extras.warnings()).containsExactly("itunes:season 'two' is not a whole number; left out");
	}

	@Test
	void alternateEnclosuresAreKeptWithTheirSourcesNeverAScriptUri() throws Exception {
		var feed = parse("alternate-enclosure-feed.xml");

		var alternates = feed.items().get(0).extras().alternateEnclosures();
		assertThat(alternates)
			.extracting(ItemExtras.AlternateEnclosure::title, ItemExtras.AlternateEnclosure::type,
					ItemExtras.AlternateEnclosure::length, ItemExtras.AlternateEnclosure::bitrate,
					ItemExtras.AlternateEnclosure::height, ItemExtras.AlternateEnclosure::isDefault)
			.containsExactly(tuple("Standard", "audio/mpeg", 43200000L, 128000L, null, true),
					tuple("High quality", "audio/opus", 32400000L, 96000L, null, false),
					tuple("Low bandwidth", "audio/opus", 5400000L, 16000L, null, false),
					tuple("720p video", "video/mp4", 812000000L, 2400000L, 720, false),
					tuple("Lossless, IPFS only", "audio/flac", null, null, null, false));
		assertThat(alternates.get(0).sources()).containsExactly(
				new ItemExtras.Source("https://media.openformats.example/ofh-7.mp3", null),
				new ItemExtras.Source("ipfs://bafybeigdyrztofh7standardmp3", null),
				new ItemExtras.Source("https://media.openformats.example/ofh-7.torrent", "application/x-bittorrent"));
		assertThat(alternates.get(2).sources()).extracting(ItemExtras.Source::uri)
			.containsExactly("https://media.openformats.example/ofh-7-low.opus");
		assertThat(alternates.get(3).lang()).isEqualTo("en");
		assertThat(feed.items().get(1).extras().alternateEnclosures()).isEmpty();
	}

	@Test
	void anItemWithoutNumbersOrAlternatesKeepsTheContentHashItAlwaysHad() throws Exception {
		var feed = parse("alternate-enclosure-feed.xml");
		var plain = feed.items().get(1);

		var before = new FeedItem(plain.guid(), plain.title(), plain.link(), plain.publishedAt(),
				plain.durationSeconds(), plain.audioUrl(), plain.audioType(), plain.audioLength(), plain.imageUrl(),
				plain.episodeType(), plain.description());
		assertThat(plain.contentHash()).isEqualTo(before.contentHash());
	}

	@Test
	void anRssChannelsAtomAuthorAndAnAtomFeedsAuthorAreTheShowsAuthor() throws Exception {
		assertThat(parse("atom-channel-author-feed.xml").author()).isEqualTo("Mira Okafor");

		var atom = parseText("""
				<feed xmlns="http://www.w3.org/2005/Atom"><id>urn:x</id><title>Atom Show</title>
				<updated>2024-01-01T00:00:00Z</updated><author><name>Ada Lovelace</name></author>
				<entry><id>urn:x:1</id><title>One</title><updated>2024-01-01T00:00:00Z</updated></entry></feed>""");
		assertThat(atom.author()).isEqualTo("Ada Lovelace");
	}

}
