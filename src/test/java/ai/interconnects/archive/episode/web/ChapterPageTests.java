package ai.interconnects.archive.episode.web;

import ai.interconnects.archive.support.Html;

import ai.interconnects.archive.support.FeedServer;
import ai.interconnects.archive.support.PagesTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChapterPageTests extends PagesTestSupport {

	static final String PATH = "/episodes/" + DEAN_BALL + "/chapters/";

	@Test
	void showsTheChapterWithItsTimeRangeParagraphsAndAPlayerAtItsStart() throws Exception {
		ingestFixture();

		var page = Html.page(this.mvc, PATH + "3");

		assertThat(page.title()).isEqualTo(
				"Sovereign AI and global demand for alternatives · Dean Ball on open models and government control · Interconnects archive");
		assertThat(page.selectFirst("h1").text()).isEqualTo("Sovereign AI and global demand for alternatives");
		assertThat(page.selectFirst(".eyebrow").text()).isEqualTo("Chapter 3 of 5");
		assertThat(page.selectFirst(".episode-header .meta").text()).startsWith("12:33–20:55 · 8 min");
		var audio = page.selectFirst("audio[data-player]");
		assertThat(audio.attr("src")).endsWith(".mp3#t=753");
		assertThat(audio.attr("data-start")).isEqualTo("753");
		var starts = page.select("[data-segment]").eachAttr("data-start").stream().map(Integer::parseInt).toList();
		assertThat(starts).isNotEmpty().allMatch((start) -> start >= 753 && start < 1255);
		assertThat(page.selectFirst("[data-transcript]").attr("data-end")).isEqualTo("1255");
		assertThat(page.selectFirst("a.pager-prev").attr("href")).isEqualTo(PATH + "2");
		assertThat(page.selectFirst("a.pager-next").attr("href")).isEqualTo(PATH + "4");
		assertThat(page.selectFirst(".toc a.chapter-link[aria-current=page]").attr("href")).isEqualTo(PATH + "3");
		assertThat(page.selectFirst("meta[property=og:title]").attr("content")).isEqualTo(
				"Sovereign AI and global demand for alternatives · Dean Ball on open models and government control");
		assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo("http://localhost" + PATH + "3");
	}

	@Test
	void everyParagraphBelongsToExactlyOneChapter() throws Exception {
		ingestFixture();

		int total = 0;
		for (int n = 1; n <= 5; n++) {
			total += Html.page(this.mvc, PATH + n).select("[data-segment]").size();
		}

		assertThat(total).isEqualTo(55);
		var first = Html.page(this.mvc, PATH + "1");
		assertThat(first.select("a.pager-prev")).isEmpty();
		var last = Html.page(this.mvc, PATH + "5");
		assertThat(last.select("a.pager-next")).isEmpty();
		assertThat(last.selectFirst(".episode-header .meta").text()).startsWith("28:20–35:11 · 7 min");
	}

	@Test
	void continuationParagraphsBelongToTheChapterOfTheTimedParagraphBeforeThem() throws Exception {
		ingest(FeedServer.resource("/feeds/hostile-feed.xml"));

		var opening = Html.page(this.mvc, "/episodes/continuations-and-chapters/chapters/1");
		var middle = Html.page(this.mvc, "/episodes/continuations-and-chapters/chapters/2");

		assertThat(opening.select(".segment-text").eachText()).containsExactly("First words of the opening.",
				"A continuation paragraph of the opening.", "Still in the opening, just before the middle.",
				"Bob keeps going across the chapter boundary without a timestamp.");
		assertThat(middle.select(".segment-text").eachText()).containsExactly("The middle part starts here.",
				"Same second as Alice.");
	}

	@Test
	void aTimeOverridesTheChapterStart() throws Exception {
		ingestFixture();

		var audio = Html.page(this.mvc, PATH + "3?t=13:00").selectFirst("audio[data-player]");

		assertThat(audio.attr("src")).endsWith("#t=780");
		assertThat(Html.page(this.mvc, PATH + "3?t=nonsense").selectFirst("audio[data-player]").attr("src"))
			.endsWith("#t=753");
	}

	@Test
	void missingOrMalformedChapterNumbersAre404s() throws Exception {
		ingestFixture();

		for (var n : new String[] { "0", "6", "abc", "-1", "99999999999", "1.5" }) {
			assertThat(Html.result(this.mvc, PATH + n).getResponse().getStatus()).as("chapter %s", n).isEqualTo(404);
		}
		assertThat(Html.result(this.mvc, "/episodes/what-comes-next-with-open-models/chapters/1")
			.getResponse()
			.getStatus()).isEqualTo(404);
	}

}
