package ai.interconnects.archive.episode.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import ai.interconnects.archive.episode.EpisodeIngestService;
import ai.interconnects.archive.poll.PollRun;
import ai.interconnects.archive.support.DatabaseCleaner;
import ai.interconnects.archive.support.FeedServer;
import ai.interconnects.archive.support.Html;
import ai.interconnects.archive.support.PagesTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds in the shapes real hosts publish that lost data before, stored and shown: every
 * episode of them is in the archive, nothing is guessed.
 */
class RealFeedShapesPageTests extends PagesTestSupport {

	@Autowired
	EpisodeIngestService ingestService;

	private static byte[] fixture(String name) {
		return FeedServer.resource("/feeds/" + name);
	}

	private String slug(String guid) {
		return this.jdbc.sql("select slug from episode where guid = ?").param(guid).query(String.class).single();
	}

	@Test
	void chaptersInterleavedWithTheirLinksAreStoredAndShown() throws Exception {
		ingest(fixture("simplecast-2016-feed.xml"));

		var page = Html.page(this.mvc, "/episodes/" + slug("0b6f1a64-5c62-4f7b-8c3e-3f0d2a7d5a24"));

		assertThat(this.jdbc.sql("select count(*) from chapter").query(Long.class).single()).isEqualTo(5);
		assertThat(page.select(".episode-chapters li").eachText()).hasSize(5)
			.anyMatch((text) -> text.contains("Picks"));
		assertThat(page.select(".show-notes a[href=https://www.staticgen.com]")).isNotEmpty();
	}

	@Test
	void aFeedWithAnUndeclaredPrefixInItsChannelIsStoredWhole() {
		ingest(fixture("undeclared-atom-prefix-feed.xml"));

		assertThat(this.jdbc.sql("select title from episode order by published_at").query(String.class).list())
			.containsExactly("Episode 11: Compost in a flat", "Episode 12: Tomatoes on a balcony");
		assertThat(this.jdbc.sql("select title from podcast").query(String.class).single())
			.isEqualTo("Garden Variety Radio");
		assertThat(lastRunMessage()).contains("prefix 'atom:' without declaring it");
	}

	@Test
	void aTruncatedFeedKeepsItsCompleteItemsAndRecordsTheCutOne() {
		DatabaseCleaner.clean(this.jdbc);
		feeds.respond("/feed.xml", 200, fixture("truncated-feed.xml"), "Content-Type", "application/rss+xml");

		var run = this.polls.poll().orElseThrow();

		assertThat(run.getOutcome()).isEqualTo(PollRun.Outcome.SUCCESS);
		assertThat(run.getItemsNew()).isEqualTo(2);
		assertThat(run.getItemsFailed()).isEqualTo(1);
		assertThat(run.getMessage()).contains("cut off at line");
		assertThat(this.jdbc.sql("select item_title from poll_item_failure").query(String.class).single())
			.isEqualTo("Ep. 40 - The Typewriter");
	}

	@Test
	void datesThatDoNotExistAreNotRolledOverAndTheirEpisodesAreListedAsUndated() throws Exception {
		ingest(fixture("impossible-dates-feed.xml"));

		assertThat(this.jdbc.sql("select title from episode where published_at is null order by title")
			.query(String.class)
			.list()).containsExactly("The Ferry", "The Orchard", "The Well");
		var warnings = this.jdbc.sql("select parse_warnings from episode where title = 'The Orchard'")
			.query(String.class)
			.single();
		assertThat(warnings).contains("'Thu, 118 Jun 2015 10:00:00 GMT' does not exist");
		// a re-parse of the descriptions keeps what reading the item reported
		long orchard = this.jdbc.sql("select id from episode where title = 'The Orchard'").query(Long.class).single();
		this.ingestService.reparse(orchard);
		assertThat(this.jdbc.sql("select parse_warnings from episode where id = ?")
			.param(orchard)
			.query(String.class)
			.single()).isEqualTo(warnings);
		// newest first: the dated episodes, then the undated ones (four a page)
		var first = Html.page(this.mvc, "/").select(".episode-card-title").eachText();
		assertThat(first.get(0)).contains("The Lantern");
		assertThat(first.get(1)).contains("The Bridge");
	}

	@Test
	void aReusedGuidWithAnotherTitleIsItsOwnEpisodeAndATrueRepeatIsSkipped() {
		DatabaseCleaner.clean(this.jdbc);
		feeds.respond("/feed.xml", 200, fixture("repeated-guid-feed.xml"), "Content-Type", "application/rss+xml");

		var first = this.polls.poll().orElseThrow();
		var second = this.polls.poll().orElseThrow();

		assertThat(first.getItemsNew()).isEqualTo(2);
		assertThat(first.getItemsSkipped()).isEqualTo(1);
		assertThat(this.jdbc.sql("select title from episode order by title").query(String.class).list())
			.containsExactly("Part one: the long night", "Part two: the morning after");
		assertThat(this.jdbc.sql("select item_title from poll_item_failure where poll_run_id = ?")
			.param(first.getId())
			.query(String.class)
			.single()).isEqualTo("Part one: the long night");
		assertThat(second.getItemsUnchanged()).isEqualTo(2);
		assertThat(second.getItemsNew()).isZero();
	}

	@Test
	void anEpisodicShowInSeasonsIsListedByNumberAndShowsItsNumbersEverywhere() throws Exception {
		ingest(fixture("episodic-seasons-feed.xml"));

		var archive = Html.page(this.mvc, "/");
		// four a page: the re-release keeps its place, the unnumbered trailer comes last
		assertThat(archive.select(".episode-card-title").eachText()).containsExactly("The Fence",
				"The Gate (re-release)", "The Path", "The Shed");
		assertThat(archive.select(".episode-card .numbering [aria-hidden]").eachText()).containsExactly("S2 · E3",
				"S2 · E2", "S2 · E1", "S1 · E2");
		assertThat(archive.select(".episode-card .numbering .visually-hidden").first().text())
			.isEqualTo("Season 2, episode 3");
		var gate = Html.page(this.mvc, "/episodes/" + slug("bb-s2e2"));
		assertThat(gate.select(".episode-header .numbering [aria-hidden]").text()).isEqualTo("S2 · E2");
		assertThat(gate.select("script[type=application/ld+json]").html()).contains("\"episodeNumber\":2")
			.contains("\"seasonNumber\":2");
		var feed = fetch("/feed.xml").body();
		assertThat(feed).contains("<itunes:type>episodic</itunes:type>")
			.contains("<itunes:season>2</itunes:season><itunes:episode>2</itunes:episode>");
		var api = fetch("/api/v1/episodes/" + slug("bb-s2e2")).body();
		assertThat(api).contains("\"season\":2").contains("\"episode\":2");
		assertThat(fetch("/api/v1/episodes").body()).contains("\"season\":1,\"episode\":1");
		assertThat(export()).contains("\"season\":2,\"episode\":2");
		assertThat(this.jdbc.sql("select season, episode_number from episode where guid = 'bb-trailer-2'")
			.query()
			.singleRow()).containsEntry("season", null).containsEntry("episode_number", null);
	}

	@Test
	void alternateEnclosuresAreKeptAndTheirWebFilesOffered() throws Exception {
		ingest(fixture("alternate-enclosure-feed.xml"));

		var page = Html.page(this.mvc, "/episodes/" + slug("ofh-7"));
		var offered = page.select(".alternates a");
		assertThat(offered.eachText()).containsExactly("High quality (Opus, 96 kbps, 32 MB)",
				"Low bandwidth (Opus, 16 kbps, 5 MB)", "720p video (MP4 video, 720p, 2400 kbps, 812 MB, en)");
		assertThat(offered.eachAttr("href")).containsExactly("https://media.openformats.example/ofh-7-high.opus",
				"https://media.openformats.example/ofh-7-low.opus", "https://media.openformats.example/ofh-7-720p.mp4");
		assertThat(page.select("a[href^=javascript], a[href^=ipfs]")).isEmpty();
		assertThat(Html.page(this.mvc, "/episodes/" + slug("ofh-6")).select(".alternates")).isEmpty();
		var api = fetch("/api/v1/episodes/" + slug("ofh-7")).body();
		assertThat(api).contains("\"alternateEnclosures\":[{\"type\":\"audio/mpeg\"")
			.contains("\"default\":true")
			.contains("ipfs://bafybeigdyrztofh7flac")
			.contains("\"contentType\":\"application/x-bittorrent\"")
			.doesNotContain("javascript");
		var feed = fetch("/feed.xml").body();
		assertThat(feed).contains("<podcast:alternateEnclosure type=\"audio/opus\" length=\"32400000\""
				+ " bitrate=\"96000\" title=\"High quality\"><podcast:source uri=\"https://media.openformats.example/ofh-7-high.opus\"/>")
			.contains("<podcast:source uri=\"ipfs://bafybeigdyrztofh7flac\"/>");
		assertThat(export()).contains("\"alternateEnclosures\":[{\"type\":\"audio/mpeg\"")
			.contains("\"uri\":\"https://media.openformats.example/ofh-7-720p.mp4\"");
	}

	@Test
	void anAuthorGivenOnlyAsAnAtomPersonIsTheShowsAuthor() throws Exception {
		ingest(fixture("atom-channel-author-feed.xml"));

		assertThat(this.jdbc.sql("select author from podcast").query(String.class).single()).isEqualTo("Mira Okafor");
		assertThat(Html.page(this.mvc, "/").select("footer").text()).contains("by Mira Okafor");
		assertThat(fetch("/feed.xml").body()).contains("<itunes:author>Mira Okafor</itunes:author>");
	}

	/** The whole export, unzipped. */
	private String export() throws Exception {
		var body = this.mvc.perform(MockMvcRequestBuilders.get("/export.jsonl.gz"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (var in = new GZIPInputStream(new ByteArrayInputStream(body))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private String lastRunMessage() {
		return this.jdbc.sql("select message from poll_run order by id desc limit 1").query(String.class).single();
	}

}
