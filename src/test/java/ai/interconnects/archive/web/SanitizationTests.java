package ai.interconnects.archive.web;

import ai.interconnects.archive.support.Html;

import ai.interconnects.archive.support.FeedServer;
import ai.interconnects.archive.support.PagesTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Feed HTML is untrusted: nothing a feed item carries may run or load on our pages. */
class SanitizationTests extends PagesTestSupport {

	@BeforeEach
	void hostileFeed() {
		ingest(FeedServer.resource("/feeds/hostile-feed.xml"));
	}

	@Test
	void scriptsHandlersJavascriptLinksAndIframesInShowNotesNeverReachThePage() throws Exception {
		var raw = Html.result(this.mvc, "/episodes/hostile-show-notes").getResponse().getContentAsString();
		var page = Html.page(this.mvc, "/episodes/hostile-show-notes");

		var notes = page.selectFirst(".show-notes .prose");
		assertThat(notes.text()).contains("Harmless opening paragraph.").contains("A javascript link");
		assertThat(raw).doesNotContain("pwned")
			.doesNotContainIgnoringCase("javascript:")
			.doesNotContain("onerror")
			.doesNotContain("onclick")
			.doesNotContain("onmouseover")
			.doesNotContainIgnoringCase("<iframe")
			.doesNotContain("evil.example");
		// the one executable script element is the app's own module (JSON-LD data blocks
		// are not executed)
		assertThat(page.select("script:not([type=application/ld+json])")).hasSize(1);
		assertThat(page.selectFirst("script").attr("src")).startsWith("/js/archive-");
		assertThat(notes.selectFirst("a[href=https://example.com/safe]").attr("rel")).contains("nofollow");
	}

	@Test
	void aJavascriptEnclosureOrLinkGivesNoPlayerAndNoOriginalPostLink() throws Exception {
		var page = Html.page(this.mvc, "/episodes/hostile-show-notes");

		assertThat(page.select("audio")).isEmpty();
		assertThat(page.selectFirst(".player-missing").text()).contains("no playable audio");
		assertThat(page.select(".episode-actions a").eachText()).doesNotContain("Original post");
		assertThat(page.select("meta[property=og:audio]")).isEmpty();
	}

	@Test
	void transcriptTextIsEscaped() throws Exception {
		var raw = Html.result(this.mvc, "/episodes/hostile-show-notes/transcript").getResponse().getContentAsString();
		var page = Html.page(this.mvc, "/episodes/hostile-show-notes/transcript");

		assertThat(page.selectFirst(".segment-text").text())
			.isEqualTo("Here is a <script>window.pwned = 'transcript'</script> in my words.");
		assertThat(raw).contains("&lt;script&gt;window.pwned").doesNotContain("<script>window.pwned");
		assertThat(page.select("script:not([type=application/ld+json])")).hasSize(1);
	}

}
