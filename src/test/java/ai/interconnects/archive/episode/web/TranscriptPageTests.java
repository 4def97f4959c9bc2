package ai.interconnects.archive.episode.web;

import ai.interconnects.archive.support.Html;

import ai.interconnects.archive.support.FeedServer;
import ai.interconnects.archive.support.PagesTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TranscriptPageTests extends PagesTestSupport {

	static final String PATH = "/episodes/" + DEAN_BALL + "/transcript";

	static final byte[] EDGE_CASES = FeedServer.resource("/feeds/hostile-feed.xml");

	@Test
	void showsEverySpeakerLabelledParagraphWithItsTimeAnchorAndIds() throws Exception {
		ingestFixture();

		var page = Html.page(this.mvc, PATH);

		assertThat(page.title())
			.isEqualTo("Transcript: Dean Ball on open models and government control · Interconnects archive");
		var segments = page.select("[data-segment]");
		assertThat(segments).hasSize(55);
		var second = segments.get(1);
		assertThat(second.id()).isEqualTo("t-72");
		assertThat(second.attr("data-start")).isEqualTo("72");
		assertThat(second.attr("data-segment-id")).matches("\\d+");
		assertThat(second.attr("data-position")).matches("\\d+");
		assertThat(second.selectFirst(".segment-speaker").text()).isEqualTo("Dean Ball");
		assertThat(second.selectFirst(".segment-text").text()).startsWith("My guess is that in the long run");
		var time = second.selectFirst("a.ts");
		assertThat(time.text()).isEqualTo("1:12");
		assertThat(time.attr("href")).isEqualTo("/episodes/" + DEAN_BALL + "?t=72");
		assertThat(time.attr("data-seek")).isEqualTo("72");
		assertThat(second.selectFirst("button.share-moment").attr("data-link")).isEqualTo(PATH + "?t=72#t-72");
		assertThat(second.attr("data-speaker")).isEqualTo("Dean Ball");
		assertThat(second.selectFirst(".segment-speaker a").attr("href")).isEqualTo("/speakers/dean-ball");
		assertThat(segments.eachAttr("id")).doesNotHaveDuplicates();
		assertThat(page.select(".segment-speaker").eachText()).containsOnly("Nathan Lambert", "Dean Ball");
	}

	@Test
	void chapterHeadingsSitBeforeTheFirstParagraphAtOrAfterTheirStart() throws Exception {
		ingestFixture();

		var page = Html.page(this.mvc, PATH);

		var transcript = page.selectFirst("[data-transcript]");
		var headings = transcript.select("h2.chapter-heading");
		assertThat(headings.eachAttr("id")).containsExactly("chapter-1", "chapter-2", "chapter-3", "chapter-4",
				"chapter-5");
		for (var heading : headings) {
			int start = Integer.parseInt(heading.attr("data-start"));
			var previous = heading.previousElementSibling();
			var next = heading.nextElementSibling();
			assertThat(next.hasAttr("data-segment")).isTrue();
			assertThat(Integer.parseInt(next.attr("data-start"))).isGreaterThanOrEqualTo(start);
			if (previous != null && previous.hasAttr("data-segment")) {
				assertThat(Integer.parseInt(previous.attr("data-start"))).isLessThan(start);
			}
		}
		assertThat(headings.get(2).selectFirst("a.ts").attr("href")).isEqualTo("/episodes/" + DEAN_BALL + "?t=753");
		assertThat(headings.get(2).selectFirst("a.chapter-heading-title").attr("href"))
			.isEqualTo("/episodes/" + DEAN_BALL + "/chapters/3");
		assertThat(page.select(".toc li[data-chapter]")).hasSize(5);
	}

	@Test
	void thePlayerIsInTheStickyBarAndHonoursATime() throws Exception {
		ingestFixture();

		var page = Html.page(this.mvc, PATH + "?t=12:34");

		var audio = page.selectFirst(".sticky-player audio[data-player]");
		assertThat(audio.attr("src")).endsWith("#t=754");
		assertThat(audio.attr("preload")).isEqualTo("none");
		assertThat(page.select(".sticky-player [data-follow-resume]")).hasSize(1);
	}

	@Test
	void aSearchInTheTranscriptMarksEveryMatchAndStepsThroughThem() throws Exception {
		ingestFixture();

		var page = Html.page(this.mvc, PATH + "?q=sovereign");

		var matches = page.select("[data-segment].is-match");
		assertThat(matches).hasSizeGreaterThan(1);
		for (int i = 0; i < matches.size(); i++) {
			var match = matches.get(i);
			assertThat(match.select(".segment-text mark").eachText())
				.allMatch((word) -> word.toLowerCase().startsWith("sovereign"));
			var next = match.selectFirst(".next-match a");
			if (i + 1 < matches.size()) {
				assertThat(next.attr("href")).isEqualTo("#" + matches.get(i + 1).id());
			}
			else {
				assertThat(next).isNull();
			}
		}
		// one message, in the find bar, counted in moments as /search counts them
		assertThat(page.select(".search-note")).isEmpty();
		assertThat(page.selectFirst("[data-find-count]").text()).isEqualTo(matches.size() + " matching moments");
		assertThat(page.selectFirst(".find-links a[data-next-match]").attr("href"))
			.isEqualTo("#" + matches.get(0).id());
		// the query once, in the find box: not again in the header's search box
		assertThat(page.selectFirst("#transcript-q").val()).isEqualTo("sovereign");
		assertThat(page.selectFirst("#site-search-q").val()).isEmpty();
		assertThat(page.select("input").eachAttr("value")).containsOnlyOnce("sovereign");
	}

	@Test
	void transcriptSearchUsesEnglishStemming() throws Exception {
		ingestFixture();

		var page = Html.page(this.mvc, PATH + "?q=governments");

		assertThat(page.select("[data-segment].is-match .segment-text mark").eachText())
			.anyMatch((word) -> word.equalsIgnoreCase("government"));
	}

	@Test
	void oddTranscriptQueriesGiveThePlainTranscript() throws Exception {
		ingestFixture();

		assertThat(Html.page(this.mvc, PATH + "?q=").select(".find-links")).isEmpty();
		assertThat(Html.page(this.mvc, PATH + "?q=" + "x".repeat(500)).select("[data-segment]")).hasSize(55);
		var hostile = Html.page(this.mvc, PATH + "?q=%3Cscript%3Ealert(1)%3C/script%3E%20%22unbalanced");
		assertThat(hostile.select("[data-segment]")).hasSize(55);
		assertThat(hostile.select("script:not([src]):not([type=application/ld+json])")).isEmpty();
		assertThat(Html.page(this.mvc, PATH + "?q=the%20and%20of").select("[data-segment].is-match")).isEmpty();
	}

	@Test
	void continuationParagraphsAreAnchoredByPositionAndShowTheirEstimatedTime() throws Exception {
		ingest(EDGE_CASES);

		var page = Html.page(this.mvc, "/episodes/continuations-and-chapters/transcript");

		var segments = page.select("[data-segment]");
		assertThat(segments).hasSize(7);
		var continuation = segments.get(1);
		assertThat(continuation.id()).isEqualTo("p-" + continuation.attr("data-position"));
		// the turn at 0:00 runs to 1:30; its second paragraph is 40 of its 67 characters,
		// so it starts about 27/67 of the way in (as in transcript.vtt)
		assertThat(continuation.attr("data-start")).isEqualTo("36");
		assertThat(continuation.selectFirst("a.ts").text()).isEqualTo("≈0:36");
		assertThat(continuation.select(".segment-speaker")).isEmpty();
		assertThat(continuation.selectFirst("button.share-moment").attr("data-link"))
			.isEqualTo("/episodes/continuations-and-chapters/transcript?t=36#" + continuation.id());
		assertThat(segments.get(3).attr("data-start")).isEqualTo("94");
		// two paragraphs at 1:40: the second cannot reuse t-100
		assertThat(segments.get(4).id()).isEqualTo("t-100");
		assertThat(segments.get(5).id()).isEqualTo("p-" + segments.get(5).attr("data-position"));
		// the continuation across the 1:40 boundary stays under the first chapter's
		// heading
		var transcript = page.selectFirst("[data-transcript]");
		assertThat(transcript.child(0).id()).isEqualTo("chapter-1");
		assertThat(segments.get(4).previousElementSibling().id()).isEqualTo("chapter-2");
		assertThat(segments.get(6).previousElementSibling().id()).isEqualTo("chapter-3");
	}

	@Test
	void anEpisodeWithoutTranscriptSaysSo() throws Exception {
		ingestFixture();

		var page = Html.page(this.mvc, "/episodes/what-comes-next-with-open-models/transcript");

		assertThat(page.select("[data-segment]")).isEmpty();
		assertThat(page.selectFirst(".empty-archive").text()).contains("no transcript");
	}

	@Test
	void aTimeHighlightsTheParagraphPlayingThenAndPreviewsAsItsWords() throws Exception {
		ingestFixture();

		// 754 s falls inside the paragraph that starts at 12:33 (753 s)
		var page = Html.page(this.mvc, PATH + "?t=754");

		var quoted = page.select("[data-segment].is-quoted");
		assertThat(quoted).isNotEmpty();
		assertThat(quoted.eachAttr("data-start")).containsOnly("753");
		assertThat(page.selectFirst("audio[data-player]").attr("src")).endsWith("#t=754");
		// the moment asked for, not the start of its paragraph
		assertThat(page.selectFirst("meta[property=og:title]").attr("content"))
			.endsWith(" at 12:34 · " + "Dean Ball on open models and government control");
		assertThat(page.selectFirst("meta[property=og:description]").attr("content"))
			.startsWith("“" + quoted.get(0).selectFirst(".segment-text").text().substring(0, 20));
		assertThat(page.selectFirst("meta[property=og:image]").attr("content"))
			.isEqualTo("http://localhost/episodes/" + DEAN_BALL + "/quote.png?t=754");
		assertThat(page.selectFirst("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");
		assertThat(page.selectFirst("link[rel=canonical]").attr("href")).endsWith("/transcript?t=754");
	}

	@Test
	void aRangeHighlightsExactlyItsParagraphs() throws Exception {
		ingestFixture();

		var page = Html.page(this.mvc, PATH + "?t=754,801");

		var starts = page.select("[data-segment]").eachAttr("data-start").stream().map(Integer::parseInt).toList();
		var quoted = page.select("[data-segment].is-quoted")
			.eachAttr("data-start")
			.stream()
			.map(Integer::parseInt)
			.toList();
		assertThat(quoted).isNotEmpty().allMatch((start) -> start >= 753 && start < 801);
		assertThat(quoted.get(0)).isEqualTo(753);
		assertThat(starts.stream().filter((start) -> start >= 753 && start < 801)).containsExactlyElementsOf(quoted);
		assertThat(page.selectFirst("audio[data-player]").attr("src")).endsWith("#t=754,801");
		assertThat(page.selectFirst("audio[data-player]").attr("data-end")).isEqualTo("801");
		assertThat(page.selectFirst(".quote-note").text()).contains("12:34 – 13:21");
		assertThat(page.selectFirst("meta[property=og:image]").attr("content")).endsWith("/quote.png?t=754,801");
	}

	@Test
	void theFindBarHasANameAndSaysWhenNothingMatches() throws Exception {
		ingestFixture();

		var plain = Html.page(this.mvc, PATH);
		assertThat(plain.selectFirst("form.find-bar").attr("aria-label")).isEqualTo("Find in this transcript");
		assertThat(plain.selectFirst("form.site-search").attr("aria-label")).isEqualTo("Search the archive");
		assertThat(plain.selectFirst(".sticky-player form.find-bar")).isNull();

		var none = Html.page(this.mvc, PATH + "?q=zeppelin");
		assertThat(none.selectFirst(".sticky-player form.find-bar [data-find-count]").text())
			.isEqualTo("No match in this transcript");
		assertThat(none.select("[data-find-count], .search-note")).hasSize(1);
		var some = Html.page(this.mvc, PATH + "?q=sovereign");
		assertThat(some.selectFirst(".sticky-player form.find-bar [data-find-count]").text())
			.endsWith("matching moments");
	}

	@Test
	void theTextComesFirstChaptersFoldedWithASkipLinkDownloadsAtTheEnd() throws Exception {
		ingestFixture();

		var page = Html.page(this.mvc, PATH);

		assertThat(page.selectFirst("details.toc").hasAttr("open")).isFalse();
		assertThat(page.selectFirst("details.toc summary").text()).isEqualTo("Chapters (5)");
		assertThat(page.selectFirst("a.skip-link[href=#transcript-text]")).isNotNull();
		assertThat(page.selectFirst("#transcript-text[data-transcript]")).isNotNull();
		assertThat(page.select("[data-share-menu] button:not([hidden])").eachText()).containsExactly("Copy quote",
				"Copy link");
		var header = page.selectFirst(".episode-header");
		assertThat(header.select("a[download]")).isEmpty();
		assertThat(header.selectFirst("img.episode-artwork").attr("src")).startsWith("https://");
		// chapters and find share a row; downloads and where the text comes from follow
		// the text
		assertThat(page.select(".transcript-tools > details.toc, .transcript-tools > form.find-bar")).hasSize(2);
		var about = page.selectFirst("#transcript-text ~ .transcript-about");
		assertThat(about.selectFirst("a[download]").attr("href")).endsWith(".mp3");
		assertThat(about.select(".transcript-downloads a").eachText()).contains("VTT", "SRT", "JSON", "text");
		assertThat(about.selectFirst(".transcript-origin")).isNotNull();
	}

}
