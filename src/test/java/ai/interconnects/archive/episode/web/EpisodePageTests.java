package ai.interconnects.archive.episode.web;

import ai.interconnects.archive.support.Html;

import ai.interconnects.archive.support.PagesTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EpisodePageTests extends PagesTestSupport {

	static final String PATH = "/episodes/" + DEAN_BALL;

	@BeforeEach
	void fixture() {
		ingestFixture();
	}

	@Test
	void showsTitleDateDurationPlayerNotesAndOriginalPost() throws Exception {
		var page = Html.page(this.mvc, PATH);

		assertThat(page.title()).isEqualTo("Dean Ball on open models and government control · Interconnects archive");
		assertThat(page.selectFirst("h1").text()).isEqualTo("Dean Ball on open models and government control");
		assertThat(page.selectFirst(".episode-header time[datetime=2026-03-06]").text()).isEqualTo("6 March 2026");
		assertThat(page.selectFirst(".episode-header time[datetime=PT35M11S]").text()).isEqualTo("35 min");
		var audio = page.selectFirst("audio[data-player]");
		assertThat(audio.attr("preload")).isEqualTo("none");
		assertThat(audio.hasAttr("controls")).isTrue();
		assertThat(audio.attr("src"))
			.isEqualTo("https://api.substack.com/feed/podcast/190015838/0556b78f48da290fb9b303771b09c946.mp3");
		assertThat(page.selectFirst(".show-notes .prose").text()).contains("Watching history unfold");
		assertThat(page.selectFirst(".show-notes").text()).doesNotContain("00:00:00 Nathan Lambert");
		assertThat(page.select(".episode-actions a").eachAttr("href")).containsExactly(PATH + "/transcript",
				"https://www.interconnects.ai/p/dean-ball-on-open-models-and-government-control");
	}

	@Test
	void listsChaptersWithTimestampLinksIntoTheAudioAndChapterPages() throws Exception {
		var page = Html.page(this.mvc, PATH);

		var chapters = page.select(".episode-chapters li[data-chapter]");
		assertThat(chapters).hasSize(5);
		assertThat(chapters.get(2).selectFirst("a.ts").attr("href")).isEqualTo(PATH + "?t=753");
		assertThat(chapters.get(2).selectFirst("a.ts").attr("data-seek")).isEqualTo("753");
		assertThat(chapters.get(2).selectFirst("a.ts").text()).isEqualTo("12:33");
		assertThat(chapters.get(2).selectFirst("a.chapter-link").attr("href")).isEqualTo(PATH + "/chapters/3");
		assertThat(chapters.get(2).selectFirst("a.chapter-link").text())
			.isEqualTo("Sovereign AI and global demand for alternatives");
		assertThat(chapters.get(4).attr("data-start")).isEqualTo("1700");
		assertThat(chapters.get(4).attr("data-end")).isEqualTo("2111");
	}

	@Test
	void linksToThePreviousAndNextEpisodesByPublicationDate() throws Exception {
		var page = Html.page(this.mvc, PATH);

		assertThat(page.selectFirst("a.pager-prev").attr("href"))
			.isEqualTo("/episodes/olmo-hybrid-and-future-llm-architectures");
		assertThat(page.selectFirst("a.pager-next").attr("href"))
			.isEqualTo("/episodes/what-comes-next-with-open-models");

		var newest = Html.page(this.mvc, "/episodes/some-ideas-for-what-comes-next-may-2026");
		assertThat(newest.select("a.pager-next")).isEmpty();
		assertThat(newest.select("a.pager-prev")).hasSize(1);
	}

	@Test
	void anAudioEssayHasNoChapterOrTranscriptSections() throws Exception {
		var page = Html.page(this.mvc, "/episodes/what-comes-next-with-open-models");

		assertThat(page.select(".episode-chapters")).isEmpty();
		assertThat(page.select("a[href$=/transcript]")).isEmpty();
		assertThat(page.select("audio[data-player]")).hasSize(1);
	}

	@Test
	void aTimeInSecondsOrClockFormStartsThePlayerThereWithAMediaFragment() throws Exception {
		for (var t : new String[] { "754", "12:34", "0:12:34", "00:12:34" }) {
			var audio = Html.page(this.mvc, PATH + "?t=" + t).selectFirst("audio[data-player]");
			assertThat(audio.attr("src")).as("t=%s", t).endsWith(".mp3#t=754");
			assertThat(audio.attr("data-start")).isEqualTo("754");
		}
		var later = Html.page(this.mvc, PATH + "?t=0:20:55");
		assertThat(later.selectFirst("audio[data-player]").attr("src")).endsWith("#t=1255");
		assertThat(later.selectFirst(".player-start").text()).isEqualTo("Starting at 20:55");
	}

	@Test
	void aTimePastTheEndOfTheEpisodeStartsAtItsLastSecond() throws Exception {
		// The Dean Ball episode lasts 35:11 (2111 s).
		for (var t : new String[] { "99999", "1:02:03", "2111" }) {
			var page = Html.page(this.mvc, PATH + "?t=" + t);
			assertThat(page.selectFirst("audio[data-player]").attr("src")).as("t=%s", t).endsWith(".mp3#t=2110");
			assertThat(page.selectFirst(".player-start").text()).isEqualTo("Starting at 35:10");
		}
	}

	@Test
	void aRangeQuotesItsParagraphsAndPlaysOnlyThem() throws Exception {
		var page = Html.page(this.mvc, PATH + "?t=72,140");

		var audio = page.selectFirst("audio[data-player]");
		assertThat(audio.attr("src")).endsWith(".mp3#t=72,140");
		assertThat(audio.attr("data-start")).isEqualTo("72");
		assertThat(audio.attr("data-end")).isEqualTo("140");
		assertThat(page.selectFirst(".player-start").text()).isEqualTo("Plays 1:12 – 2:20 only");
		var quote = page.selectFirst("figure.quote");
		assertThat(quote.selectFirst("blockquote").text()).startsWith("My guess is that in the long run");
		assertThat(quote.selectFirst("figcaption").text()).startsWith("Dean Ball, 1:12 – 2:20 in the transcript");
		assertThat(quote.selectFirst("figcaption a").attr("href")).isEqualTo(PATH + "/transcript?t=72,140#t-72");
		// a range whose end is past the episode's end stops at the end
		assertThat(Html.page(this.mvc, PATH + "?t=2000,99999").selectFirst("audio[data-player]").attr("src"))
			.endsWith("#t=2000,2111");
	}

	@Test
	void badTimesAreIgnored() throws Exception {
		for (var t : new String[] { "abc", "-5", "12:75", "1:2:3:4", "", "99999999999999999999", "0", "%20", "1e3" }) {
			var page = Html.page(this.mvc, PATH + "?t=" + t);
			var audio = page.selectFirst("audio[data-player]");
			assertThat(audio.attr("src")).as("t=%s", t).doesNotContain("#t=");
			assertThat(audio.hasAttr("data-start")).isFalse();
			assertThat(page.select(".player-start")).isEmpty();
		}
	}

	@Test
	void unknownEpisodesAre404s() throws Exception {
		assertThat(Html.result(this.mvc, "/episodes/no-such-episode").getResponse().getStatus()).isEqualTo(404);
		assertThat(Html.result(this.mvc, "/episodes/no-such-episode/transcript").getResponse().getStatus())
			.isEqualTo(404);
		assertThat(Html.result(this.mvc, "/episodes/no-such-episode/chapters/1").getResponse().getStatus())
			.isEqualTo(404);
	}

	@Test
	void openGraphAndCanonicalTagsNameTheEpisode() throws Exception {
		var page = Html.page(this.mvc, PATH);

		assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo("http://localhost" + PATH);
		assertThat(page.selectFirst("meta[property=og:title]").attr("content"))
			.isEqualTo("Dean Ball on open models and government control");
		assertThat(page.selectFirst("meta[property=og:url]").attr("content")).isEqualTo("http://localhost" + PATH);
		assertThat(page.selectFirst("meta[property=og:type]").attr("content")).isEqualTo("article");
		assertThat(page.selectFirst("meta[property=og:description]").attr("content")).startsWith("Watching history");
		assertThat(page.selectFirst("meta[property=og:image]").attr("content")).startsWith("https://");
		assertThat(page.selectFirst("meta[property=og:audio]").attr("content")).endsWith(".mp3");
		assertThat(page.selectFirst("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");
		assertThat(page.selectFirst("meta[name=twitter:title]").attr("content"))
			.isEqualTo("Dean Ball on open models and government control");
	}

	@Test
	void theLayoutKeepsTheSearchFormAndLoadsOnlyTheAppsOwnVersionedAssets() throws Exception {
		var page = Html.page(this.mvc, PATH);

		var form = page.selectFirst("form.site-search");
		assertThat(form.attr("action")).isEqualTo("/search");
		assertThat(form.attr("method")).isEqualTo("get");
		assertThat(form.selectFirst("input[type=search]").attr("name")).isEqualTo("q");
		assertThat(page.select("script").eachAttr("src")).singleElement()
			.asString()
			.matches("/js/archive-[0-9a-f]{32}\\.js");
		assertThat(page.select("script").first().attr("type")).isEqualTo("module");
		assertThat(page.select("script").first().data()).isEmpty();
		assertThat(page.select("link[rel=stylesheet]").eachAttr("href")).singleElement()
			.asString()
			.matches("/css/archive-[0-9a-f]{32}\\.css");
		assertThat(page.select("[style]")).isEmpty();
	}

}
