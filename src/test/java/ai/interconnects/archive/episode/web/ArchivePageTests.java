package ai.interconnects.archive.episode.web;

import ai.interconnects.archive.support.Html;

import ai.interconnects.archive.support.DatabaseCleaner;
import ai.interconnects.archive.support.PagesTestSupport;
import ai.interconnects.archive.support.PollLockRows;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArchivePageTests extends PagesTestSupport {

	@Test
	void theFirstPageListsTheFourNewestEpisodesWithDateDurationAndSummary() throws Exception {
		ingestFixture();

		var page = Html.page(this.mvc, "/");

		var cards = page.select("li.episode-card");
		assertThat(cards.eachText()).hasSize(4);
		assertThat(cards.select("h2 a").eachText()).containsExactly("Some ideas for what comes next, May 2026",
				"Notes from inside China's AI labs", "The distillation panic", "My bets on open models, mid-2026");
		var first = cards.get(0);
		assertThat(first.selectFirst("h2 a").attr("href"))
			.isEqualTo("/episodes/some-ideas-for-what-comes-next-may-2026");
		assertThat(first.selectFirst("time[datetime=2026-05-26]").text()).isEqualTo("26 May 2026");
		assertThat(first.select("time").eachText()).anyMatch((text) -> text.endsWith("min"));
		assertThat(first.selectFirst(".summary").text()).isNotBlank();
		assertThat(page.title()).contains("Interconnects archive");
		assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo("http://localhost/");
	}

	@Test
	void theDeanBallEpisodeShowsTranscriptAndChapterBadgesAndEssaysShowNone() throws Exception {
		ingestFixture();

		var page = Html.page(this.mvc, "/?page=2");

		var deanBall = card(page, "Dean Ball on open models and government control");
		assertThat(deanBall.select(".badge").eachText()).containsExactly("transcript", "5 chapters");
		assertThat(deanBall.selectFirst(".badge-transcript").attr("href"))
			.isEqualTo("/episodes/" + DEAN_BALL + "/transcript");
		assertThat(card(page, "What comes next with open models").select(".badge")).isEmpty();
	}

	@Test
	void pagesLinkToEachOtherAndTheLastPageHoldsTheRest() throws Exception {
		ingestFixture();

		var first = Html.page(this.mvc, "/");
		assertThat(first.select("a[rel=prev]")).isEmpty();
		assertThat(first.selectFirst("a[rel=next]").attr("href")).isEqualTo("/?page=2");
		assertThat(first.selectFirst(".pagination-status").text()).isEqualTo("Page 1 of 3");

		var last = Html.page(this.mvc, "/?page=3");
		assertThat(last.select("li.episode-card")).hasSize(3);
		assertThat(last.select("a[rel=next]")).isEmpty();
		assertThat(last.selectFirst("a[rel=prev]").attr("href")).isEqualTo("/?page=2");
		assertThat(last.title()).contains("page 3");
		assertThat(last.selectFirst("link[rel=canonical]").attr("href")).isEqualTo("http://localhost/?page=3");
	}

	@Test
	void badPageNumbersClampToTheFirstOrLastPage() throws Exception {
		ingestFixture();

		for (var bad : new String[] { "abc", "-1", "0", "", "1.5", "99999999999999999999", "%00" }) {
			assertThat(status(Html.page(this.mvc, "/?page=" + bad))).as("page=%s", bad).isEqualTo("Page 1 of 3");
		}
		assertThat(status(Html.page(this.mvc, "/?page=4"))).isEqualTo("Page 3 of 3");
		assertThat(status(Html.page(this.mvc, "/?page=999999"))).isEqualTo("Page 3 of 3");
		assertThat(status(Html.page(this.mvc, "/?page=2&page=3"))).isEqualTo("Page 1 of 3");
	}

	@Test
	void anEmptyArchiveTellsWhyWithTheLastPollsOutcome() throws Exception {
		DatabaseCleaner.clean(this.jdbc);
		feeds.reset();
		// nothing answers /feed.xml: the poll fails with a 404
		this.polls.poll();

		var page = Html.page(this.mvc, "/");

		assertThat(page.select("li.episode-card")).isEmpty();
		var empty = page.selectFirst(".empty-archive");
		assertThat(empty.selectFirst("h2").text()).isEqualTo("No episodes yet");
		assertThat(empty.text()).contains("The feed could not be reached: its server answered HTTP 404.")
			.contains("Last attempt:")
			.doesNotContain("127.0.0.1");
	}

	@Test
	void aRunLeftRunningByADeadInstanceReadsAsInterruptedAndALiveOneAsRunning() throws Exception {
		DatabaseCleaner.clean(this.jdbc);
		this.polls.podcast();
		// what a kill -9 in the middle of a poll leaves: a run marked running, and no
		// live holder of the poll lock
		this.jdbc.sql("""
				insert into poll_run (podcast_id, feed_url, started_at)
				select id, feed_url, now() - interval '5 minutes' from podcast""").update();

		assertThat(Html.page(this.mvc, "/").selectFirst(".empty-archive").text())
			.contains("The last reading of the feed was interrupted")
			.doesNotContain("being read right now");

		// the same row while an instance holds the lock and heartbeats: it is running
		PollLockRows.hold(this.jdbc, "live", 0);
		PollLockRows.heartbeat(this.jdbc, "live pid 1", "poll", 0);
		try {
			assertThat(Html.page(this.mvc, "/").selectFirst(".empty-archive").text())
				.contains("The feed is being read right now");
		}
		finally {
			DatabaseCleaner.clean(this.jdbc);
		}
	}

	@Test
	void anArchiveThatWasNeverPolledSaysSo() throws Exception {
		DatabaseCleaner.clean(this.jdbc);

		var page = Html.page(this.mvc, "/");

		assertThat(page.selectFirst(".empty-archive").text()).contains("The feed has not been read yet.");
	}

	@Test
	void theChaptersPageListsEveryChapterGroupedByEpisodeWithTimestampLinks() throws Exception {
		ingestFixture();

		var page = Html.page(this.mvc, "/chapters");

		var groups = page.select("section.chapter-group");
		assertThat(groups).hasSize(1);
		var group = groups.get(0);
		assertThat(group.selectFirst("h3 a").attr("href")).isEqualTo("/episodes/" + DEAN_BALL);
		assertThat(group.select("a.chapter-link").eachAttr("href")).containsExactly(
				"/episodes/" + DEAN_BALL + "/chapters/1", "/episodes/" + DEAN_BALL + "/chapters/2",
				"/episodes/" + DEAN_BALL + "/chapters/3", "/episodes/" + DEAN_BALL + "/chapters/4",
				"/episodes/" + DEAN_BALL + "/chapters/5");
		assertThat(group.select("a.ts").eachAttr("href")).containsExactly("/episodes/" + DEAN_BALL + "?t=0",
				"/episodes/" + DEAN_BALL + "?t=243", "/episodes/" + DEAN_BALL + "?t=753",
				"/episodes/" + DEAN_BALL + "?t=1255", "/episodes/" + DEAN_BALL + "?t=1700");
		assertThat(group.select("a.ts").eachText()).containsExactly("0:00", "4:03", "12:33", "20:55", "28:20");
		assertThat(page.selectFirst("nav.site-nav a[aria-current=page]").text()).isEqualTo("Chapters");
	}

	private static Element card(org.jsoup.nodes.Document page, String title) {
		return page.select("li.episode-card")
			.stream()
			.filter((card) -> card.selectFirst("h2").text().equals(title))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No card for " + title));
	}

	private static String status(org.jsoup.nodes.Document page) {
		return page.selectFirst(".pagination-status").text();
	}

}
