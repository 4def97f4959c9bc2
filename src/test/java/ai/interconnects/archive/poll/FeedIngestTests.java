package ai.interconnects.archive.poll;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import ai.interconnects.archive.episode.EpisodeIngestService;
import ai.interconnects.archive.feed.client.FeedClient;
import ai.interconnects.archive.support.ArchiveContents;
import ai.interconnects.archive.support.ArchiveTest;
import ai.interconnects.archive.support.DatabaseCleaner;
import ai.interconnects.archive.support.FeedServer;
import ai.interconnects.archive.support.FeedServerExtension;
import ai.interconnects.archive.support.WithFeedServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Storing the feed: identity, updates, and what a poll never does (delete, duplicate).
 */
@WithFeedServer
@ArchiveTest
class FeedIngestTests {

	static final FeedServer server = FeedServerExtension.server();

	static final String FIXTURE = new String(FeedServer.resource("/feeds/interconnects-feed.xml"),
			StandardCharsets.UTF_8);

	static final String DEAN_BALL = "dean-ball-on-open-models-and-government-control";

	@Autowired
	PollService polls;

	@Autowired
	EpisodeIngestService ingest;

	@Autowired
	FeedClient client;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void clean() {
		DatabaseCleaner.clean(this.jdbc);
		server.reset();
	}

	@Test
	void theFixtureFeedStoresElevenEpisodesWithTheDeanBallTranscript() {
		serve(FIXTURE);

		var run = poll();

		assertThat(run.getOutcome()).isEqualTo(PollRun.Outcome.SUCCESS);
		assertThat(run.getItemsSeen()).isEqualTo(11);
		assertThat(run.getItemsNew()).isEqualTo(11);
		assertThat(run.getHttpStatus()).isEqualTo(200);
		assertThat(count("episode")).isEqualTo(11);
		long dean = episodeId(DEAN_BALL);
		assertThat(this.jdbc.sql("select title from chapter where episode_id = ? order by position")
			.param(dean)
			.query(String.class)
			.list()).hasSize(5)
			.first()
			.isEqualTo("Intro: is the Anthropic supply chain risk good or bad for open models?");
		assertThat(this.jdbc.sql("select count(*) from transcript_segment where episode_id = ?")
			.param(dean)
			.query(Long.class)
			.single()).isEqualTo(55);
		assertThat(this.jdbc.sql("select distinct speaker from transcript_segment where episode_id = ?")
			.param(dean)
			.query(String.class)
			.list()).containsExactlyInAnyOrder("Nathan Lambert", "Dean Ball");
		// the audio essays have neither chapters nor transcript
		assertThat(this.jdbc.sql("select count(*) from chapter where episode_id <> ?")
			.param(dean)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from transcript_segment where episode_id <> ?")
			.param(dean)
			.query(Long.class)
			.single()).isZero();
		var stored = this.jdbc.sql(
				"select guid, duration_seconds, audio_url, episode_type, show_notes_html, summary from episode where slug = ?")
			.param(DEAN_BALL)
			.query()
			.singleRow();
		assertThat(stored).containsEntry("guid", "substack:post:190015838")
			.containsEntry("duration_seconds", 2111)
			.containsEntry("episode_type", "full");
		assertThat((String) stored.get("show_notes_html")).contains("Hyperdimensional").doesNotContain("00:01:12");
		assertThat(count("podcast")).isOne();
		assertThat(this.jdbc.sql("select title from podcast").query(String.class).single()).isEqualTo("Interconnects");
	}

	@Test
	void aSecondPollOfTheSameFeedChangesNothing() {
		serve(FIXTURE);
		poll();
		var before = snapshot();

		var run = poll();

		assertThat(run.getItemsUnchanged()).isEqualTo(11);
		assertThat(run.getItemsNew()).isZero();
		assertThat(run.getItemsUpdated()).isZero();
		assertThat(snapshot()).isEqualTo(before);
		assertThat(count("episode_revision")).isZero();
	}

	@Test
	void aChangedItemIsUpdatedAndItsPreviousVersionKept() {
		serve(FIXTURE);
		poll();
		long dean = episodeId(DEAN_BALL);

		serve(FIXTURE.replace("Talk to y’all later. Bye.", "Talk to you all later. Goodbye.")
			.replace("Dean Ball on open models and government control", "Dean Ball on open models and the state"));
		var run = poll();

		assertThat(run.getItemsUpdated()).isOne();
		assertThat(run.getItemsUnchanged()).isEqualTo(10);
		assertThat(count("episode")).isEqualTo(11);
		assertThat(this.jdbc.sql("select title from episode where id = ?").param(dean).query(String.class).single())
			.isEqualTo("Dean Ball on open models and the state");
		// the slug is stable once assigned
		assertThat(episodeId(DEAN_BALL)).isEqualTo(dean);
		assertThat(
				this.jdbc.sql("select text from transcript_segment where episode_id = ? order by position desc limit 1")
					.param(dean)
					.query(String.class)
					.single())
			.isEqualTo("Talk to you all later. Goodbye.");
		var revision = this.jdbc.sql("select changed_fields, old_title, old_raw_description from episode_revision")
			.query()
			.singleRow();
		assertThat(revision.get("changed_fields")).isEqualTo("title,description");
		assertThat(revision.get("old_title")).isEqualTo("Dean Ball on open models and government control");
		assertThat((String) revision.get("old_raw_description")).contains("Talk to y’all later. Bye.");
	}

	@Test
	void aPollCutShortIsCompletedByTheNextOne() throws Exception {
		// As if a shutdown stopped the first poll after four items: those four are stored
		// whole, in their own transactions, and nothing else is.
		var podcast = this.polls.podcast();
		var items = this.client.parse(FIXTURE.getBytes(StandardCharsets.UTF_8), null).items();
		this.ingest.ingestFeed(podcast.getId(), items.subList(0, 4), Instant.now());
		serve(FIXTURE);

		var run = poll();

		assertThat(run.getItemsUnchanged()).isEqualTo(4);
		assertThat(run.getItemsNew()).isEqualTo(7);
		assertThat(count("episode")).isEqualTo(11);
		assertThat(count("transcript_segment")).isEqualTo(55);
	}

	@Test
	void oneBrokenItemIsRecordedAndTheOthersAreStored() {
		serve(FIXTURE.replace("<title><![CDATA[The distillation panic]]></title>", ""));

		var run = poll();

		assertThat(run.getOutcome()).isEqualTo(PollRun.Outcome.SUCCESS);
		assertThat(run.getItemsNew()).isEqualTo(10);
		assertThat(run.getItemsFailed()).isOne();
		assertThat(count("episode")).isEqualTo(10);
		assertThat(this.jdbc.sql("select message from poll_item_failure where poll_run_id = ?")
			.param(run.getId())
			.query(String.class)
			.single()).contains("no title");
	}

	@Test
	void anEpisodeThatLeavesTheFeedStaysInTheArchive() {
		serve(FIXTURE);
		poll();

		serve(withoutItem(FIXTURE, "substack:post:190087109"));
		var run = poll();

		assertThat(run.getItemsSeen()).isEqualTo(10);
		assertThat(count("episode")).isEqualTo(11);
		assertThat(this.jdbc
			.sql("select count(*) from episode where slug = 'claude-mythos-and-misguided-open-weight-fearmongering'")
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void itemsWithoutGuidFallBackToEnclosureThenLinkThenTitleAndDate() {
		var feed = """
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0"><channel><title>T</title><link>https://example.com/</link><description>d</description>
				<item><title>By enclosure</title><enclosure url="https://cdn.example.com/a.mp3?token=1" type="audio/mpeg" length="1"/></item>
				<item><title>By link</title><link>https://example.com/p/b</link></item>
				<item><title>By title</title><pubDate>Mon, 16 Mar 2026 14:03:21 GMT</pubDate></item>
				</channel></rss>
				""";
		serve(feed);
		poll();
		serve(feed.replace("token=1", "token=2"));
		var second = poll();

		assertThat(this.jdbc.sql("select guid from episode order by title").query(String.class).list()).containsExactly(
				"enclosure:https://cdn.example.com/a.mp3", "link:https://example.com/p/b",
				"title:By title|2026-03-16T14:03:21Z");
		assertThat(second.getItemsNew()).isZero();
		assertThat(count("episode")).isEqualTo(3);
	}

	@Test
	void itemsThatShareTheShowsHomePageLinkAreDistinctEpisodes() {
		var feed = """
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0"><channel><title>T</title><link>https://example.com/</link><description>d</description>
				<item><title>One</title><guid>g1</guid><link>https://example.com/</link></item>
				<item><title>Two</title><guid>g2</guid><link>https://example.com/</link></item>
				<item><title>Three</title><guid>g3</guid><link>https://example.com/</link></item>
				</channel></rss>
				""";
		serve(feed);

		var first = poll();
		var second = poll();

		assertThat(first.getItemsNew()).isEqualTo(3);
		assertThat(this.jdbc.sql("select title from episode order by guid").query(String.class).list())
			.containsExactly("One", "Two", "Three");
		assertThat(second.getItemsUnchanged()).isEqualTo(3);
		assertThat(count("episode_revision")).isZero();
	}

	@Test
	void aRerunWithANewGuidAndTheSameAudioIsKeptBesideTheOriginal() {
		serve(FIXTURE);
		poll();
		int start = FIXTURE.indexOf("<item>");
		int end = FIXTURE.indexOf("</item>") + "</item>".length();
		var rerun = FIXTURE.substring(start, end)
			.replace("substack:post:190007919", "substack:post:rerun")
			.replace("What comes next with open models", "Rerun: what comes next with open models");
		serve(FIXTURE.substring(0, end) + rerun + FIXTURE.substring(end));

		var run = poll();
		var again = poll();

		assertThat(run.getItemsNew()).isOne();
		assertThat(count("episode")).isEqualTo(12);
		assertThat(this.jdbc.sql("select title from episode where guid = 'substack:post:190007919'")
			.query(String.class)
			.single()).isEqualTo("What comes next with open models");
		// no tug of war between the two items on later polls
		assertThat(again.getItemsUnchanged()).isEqualTo(12);
		assertThat(count("episode_revision")).isZero();
	}

	@Test
	void titlesThatGiveTheSameSlugGetDistinctSlugs() {
		serve("""
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0"><channel><title>T</title><link>https://example.com/</link><description>d</description>
				<item><title>Open models!</title><guid>a</guid></item>
				<item><title>Open models?</title><guid>b</guid></item>
				<item><title>Ōpen — models</title><guid>c</guid></item>
				<item><title>???</title><guid>d</guid></item>
				</channel></rss>
				""");

		poll();

		var slugs = this.jdbc.sql("select slug from episode order by guid").query(String.class).list();
		assertThat(slugs).startsWith("open-models", "open-models-2", "open-models-3");
		// a title without letters gets a stable slug from its identity, not a counter
		assertThat(slugs.get(3)).matches("episode-[0-9a-f]{10}");
	}

	@Test
	void anUnreachableFeedLeavesTheArchiveUntouchedAndRecordsTheFailure() {
		serve(FIXTURE);
		poll();
		var before = snapshot();
		server.handle("/feed.xml", (exchange) -> exchange.close());

		var run = poll();

		assertThat(run.getOutcome()).isEqualTo(PollRun.Outcome.FAILED);
		assertThat(run.getMessage()).isNotBlank();
		assertThat(snapshot()).isEqualTo(before);
		assertThat(this.jdbc.sql("select count(*) from poll_run where outcome = 'FAILED'").query(Long.class).single())
			.isOne();
	}

	@Test
	void aMalformedFeedLeavesTheArchiveUntouchedAndRecordsTheFailure() {
		serve(FIXTURE);
		poll();
		var before = snapshot();
		serve("<rss><channel><item><title>oops</item></rss>");

		var run = poll();

		assertThat(run.getOutcome()).isEqualTo(PollRun.Outcome.FAILED);
		assertThat(run.getMessage()).startsWith("The feed is not valid RSS/XML");
		assertThat(snapshot()).isEqualTo(before);
	}

	private PollRun poll() {
		return this.polls.poll().orElseThrow();
	}

	private static void serve(String feed) {
		server.respond("/feed.xml", 200, feed.getBytes(StandardCharsets.UTF_8), "Content-Type",
				"application/rss+xml; charset=utf-8");
	}

	static String withoutItem(String feed, String guid) {
		int at = feed.indexOf(guid);
		int start = feed.lastIndexOf("<item>", at);
		int end = feed.indexOf("</item>", at) + "</item>".length();
		return feed.substring(0, start) + feed.substring(end);
	}

	private long episodeId(String slug) {
		return this.jdbc.sql("select id from episode where slug = ?").param(slug).query(Long.class).single();
	}

	private long count(String table) {
		return ArchiveContents.count(this.jdbc, table);
	}

	private List<Object> snapshot() {
		return ArchiveContents.snapshot(this.jdbc);
	}

}
