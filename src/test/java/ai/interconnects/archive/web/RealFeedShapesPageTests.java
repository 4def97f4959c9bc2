package ai.interconnects.archive.web;

import ai.interconnects.archive.feed.PollRun;
import ai.interconnects.archive.support.DatabaseCleaner;
import ai.interconnects.archive.support.FeedServer;
import ai.interconnects.archive.support.PagesTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds in the shapes real hosts publish that lost data before, stored and shown: every
 * episode of them is in the archive, nothing is guessed.
 */
class RealFeedShapesPageTests extends PagesTestSupport {

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

	private String lastRunMessage() {
		return this.jdbc.sql("select message from poll_run order by id desc limit 1").query(String.class).single();
	}

}
