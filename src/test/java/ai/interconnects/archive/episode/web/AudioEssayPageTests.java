package ai.interconnects.archive.episode.web;

import ai.interconnects.archive.support.Html;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import ai.interconnects.archive.support.FeedServer;
import ai.interconnects.archive.support.PagesTestSupport;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Audio essay" follows the episode's data, for any show: an episode whose notes are the
 * words spoken (and that has no transcript, chapters or video) reads as a text; any other
 * episode without a transcript reads as what it is, whatever the show is called.
 */
class AudioEssayPageTests extends PagesTestSupport {

	@Test
	void theInterconnectsEssaysReadAsTextsAndTheInterviewDoesNot() throws Exception {
		ingestFixture();

		var slugs = this.jdbc.sql("select slug from episode where slug <> ? order by slug")
			.param(DEAN_BALL)
			.query(String.class)
			.list();
		assertThat(slugs).hasSize(10);
		for (var slug : slugs) {
			assertEssay(Html.page(this.mvc, "/episodes/" + slug));
			assertThat(Html.page(this.mvc, "/episodes/" + slug + "/transcript").selectFirst(".empty-archive").text())
				.as(slug)
				.isEqualTo(
						"This episode has no transcript in the feed; it is an audio essay. Read it on the episode page.");
		}
		var interview = Html.page(this.mvc, "/episodes/" + DEAN_BALL);
		assertThat(interview.select(".episode-header .eyebrow")).isEmpty();
		assertThat(interview.selectFirst("#notes-title").text()).isEqualTo("Show notes");
		assertThat(interview.select(".player-static audio[data-player]")).hasSize(1);
		assertThat(interview.selectFirst(".episode-header .meta").text()).doesNotContain("min read");
	}

	@Test
	void anotherShowsEpisodesWithoutATranscriptAreNotCalledEssays() throws Exception {
		ingest(FeedServer.resource("/feeds/lenient-feed.xml"));

		for (var slug : this.jdbc.sql("select slug from episode").query(String.class).list()) {
			var path = "/episodes/" + URLEncoder.encode(slug, StandardCharsets.UTF_8);
			for (var page : new String[] { path, path + "/transcript" }) {
				var response = fetch(page);
				assertThat(response.statusCode()).as(page).isEqualTo(200);
				assertThat(Jsoup.parse(response.body()).text()).as(page).doesNotContainIgnoringCase("essay");
			}
		}
		var notes = Html.page(this.mvc, "/episodes/plain-text-notes");
		assertThat(notes.select(".episode-header .eyebrow")).isEmpty();
		assertThat(notes.selectFirst("#notes-title").text()).isEqualTo("Show notes");
		assertThat(notes.select(".player-static audio[data-player]")).hasSize(1);
		assertThat(Html.page(this.mvc, "/episodes/plain-text-notes/transcript").selectFirst(".empty-archive").text())
			.isEqualTo("This episode has no transcript in the feed. Listen on the episode page.");
	}

	@Test
	void anotherShowsReadAloudTextIsAnEssayByItsData() throws Exception {
		var text = "<p>" + "These words are the text that is read aloud in this episode. ".repeat(40) + "</p>";
		var feed = """
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">
				<channel>
				  <title>Another Show</title>
				  <link>https://another.example/</link>
				  <description>Essays and talks.</description>
				  %s%s%s%s
				</channel>
				</rss>
				""".formatted(item("Read aloud", "audio/mpeg", "4:00", text),
				item("Long notes, long talk", "audio/mpeg", "1:00:00", text),
				item("Read aloud on video", "video/mp4", "4:00", text), item("No duration", "audio/mpeg", null, text));
		ingest(feed.getBytes(StandardCharsets.UTF_8));

		var essay = Html.page(this.mvc, "/episodes/read-aloud");
		assertEssay(essay);
		assertThat(Html.page(this.mvc, "/episodes/read-aloud/transcript").selectFirst(".empty-archive").text())
			.contains("it is an audio essay");
		for (var slug : new String[] { "long-notes-long-talk", "read-aloud-on-video", "no-duration" }) {
			var page = Html.page(this.mvc, "/episodes/" + slug);
			assertThat(page.select(".episode-header .eyebrow")).as(slug).isEmpty();
			assertThat(page.selectFirst("#notes-title").text()).as(slug).isEqualTo("Show notes");
		}
	}

	private static void assertEssay(Document page) {
		var title = page.selectFirst("h1").text();
		assertThat(page.selectFirst(".episode-header .eyebrow").text()).as(title).isEqualTo("Audio essay");
		assertThat(page.selectFirst(".episode-header .meta").text()).as(title).containsPattern("\\d+ min read");
		assertThat(page.selectFirst("#notes-title").text()).as(title).isEqualTo("The essay");
		assertThat(page.select(".sticky-player [data-player]")).as(title).hasSize(1);
	}

	private static String item(String title, String type, String duration, String notes) {
		return """
				<item>
				  <title>%s</title>
				  <guid isPermaLink="false">%s</guid>
				  <pubDate>Mon, 02 Mar 2026 10:00:00 +0000</pubDate>
				  <enclosure url="https://another.example/%s" type="%s" length="1000"/>
				  %s
				  <description><![CDATA[%s]]></description>
				</item>
				""".formatted(title, title, title.hashCode(), type,
				(duration != null) ? "<itunes:duration>" + duration + "</itunes:duration>" : "", notes);
	}

}
