package ai.interconnects.archive.web;

import ai.interconnects.archive.support.DatabaseCleaner;
import ai.interconnects.archive.support.Html;
import ai.interconnects.archive.support.PagesTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Browsing an archive that has grown: every episode in one compact list by year, the
 * chapters a page of episodes at a time by year, and a way on at the end of every chapter
 * and transcript.
 */
class BrowsingTests extends PagesTestSupport {

	@Test
	void theCompactListHoldsEveryEpisodeUnderItsYear() throws Exception {
		restore("interviews-feed.xml");

		var page = Html.page(this.mvc, "/?view=list");

		assertThat(page.select(".year-heading").eachText()).containsExactly("2026 3 episodes", "2025 1 episode");
		assertThat(page.select("section.year").get(0).select(".episode-row-title").eachText()).containsExactly(
				"Bryan Catanzaro on Nemotron and open data", "Why open weights are a research tool",
				"Ross Taylor on evaluation and contamination");
		assertThat(page.selectFirst(".episode-rows time").text()).isEqualTo("27 Jan");
		assertThat(page.select(".year-nav a").eachAttr("href")).containsExactly("#year-2026", "#year-2025");
		assertThat(page.selectFirst(".view-switch a[aria-current=page]").text()).isEqualTo("List by year");
		assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo("http://localhost/?view=list");

		ingestFixture();
		assertThat(Html.page(this.mvc, "/?view=list").select(".episode-rows li")).as("not paged").hasSize(11);
		assertThat(Html.page(this.mvc, "/").selectFirst(".view-switch a:not([aria-current])").attr("href"))
			.isEqualTo("/?view=list");
	}

	@Test
	void theChaptersComeAPageOfEpisodesAtATimeByYear() throws Exception {
		episodesWithChapters(6);

		var first = Html.page(this.mvc, "/chapters");
		var second = Html.page(this.mvc, "/chapters?page=2");

		assertThat(first.select("section.chapter-group")).hasSize(4);
		assertThat(first.select(".year-heading").eachText()).containsExactly("2026");
		assertThat(first.selectFirst("section.chapter-group h3").text()).isEqualTo("Episode 6");
		assertThat(first.selectFirst(".pagination-status").text()).isEqualTo("Page 1 of 2");
		assertThat(first.selectFirst("a[rel=next]").attr("href")).isEqualTo("/chapters?page=2");
		assertThat(second.select("section.chapter-group h3").eachText()).containsExactly("Episode 2", "Episode 1");
		assertThat(second.selectFirst("link[rel=canonical]").attr("href"))
			.isEqualTo("http://localhost/chapters?page=2");
		assertThat(Html.page(this.mvc, "/chapters?page=99").selectFirst(".pagination-status").text())
			.isEqualTo("Page 2 of 2");
	}

	@Test
	void chapterAndTranscriptPagesEndWithTheWayOn() throws Exception {
		ingestFixture();

		var chapter = Html.page(this.mvc, "/episodes/" + DEAN_BALL + "/chapters/2");
		var end = chapter.selectFirst("nav.pager-chapters-end");
		assertThat(chapter.select("#transcript-text ~ nav.pager-chapters-end")).hasSize(1);
		assertThat(end.select("a").eachAttr("href")).containsExactly("/episodes/" + DEAN_BALL + "/chapters/1",
				"/episodes/" + DEAN_BALL + "/chapters/3");

		var transcript = Html.page(this.mvc, "/episodes/" + DEAN_BALL + "/transcript");
		var more = transcript.select("#transcript-text ~ nav.pager");
		assertThat(more).hasSize(1);
		assertThat(more.first().select("a .pager-label").eachText()).containsExactly("Previous episode",
				"Next episode");
	}

	/** {@code count} dated episodes, each with three chapters in its description. */
	/**
	 * Episodes 1 to {@code count}, a day apart in February 2026, each with three
	 * chapters.
	 */
	private void episodesWithChapters(int count) {
		DatabaseCleaner.clean(this.jdbc);
		var show = archive().show("Chapters show", feeds.url("/feed.xml").toString());
		for (int n = 1; n <= count; n++) {
			show.episode("Episode " + n)
				.publishedAt("2026-02-%02dT10:00:00Z".formatted(n))
				.chapter(0, "Opening")
				.chapter(300, "Middle")
				.chapter(600, "Closing")
				.store();
		}
	}

}
