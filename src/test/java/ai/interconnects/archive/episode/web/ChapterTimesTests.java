package ai.interconnects.archive.episode.web;

import ai.interconnects.archive.support.Html;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import ai.interconnects.archive.poll.PollRun;
import ai.interconnects.archive.support.DatabaseCleaner;
import ai.interconnects.archive.support.PagesTestSupport;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chapters show their span and length: the end a chapters file gives, else the next
 * chapter's start, else the episode's end, and nothing where none is known. The files the
 * archive exports carry only the ends the source gave.
 */
class ChapterTimesTests extends PagesTestSupport {

	/**
	 * The intro ends (60 s) well before the next chapter starts (95 s): the given end
	 * wins. The episode lasts 10 minutes; its twin has no duration.
	 */
	private static final String CHAPTERS = """
			{"version": "1.2.0", "chapters": [
			  {"startTime": 0, "endTime": 60, "title": "Intro"},
			  {"startTime": 95, "title": "Main part"},
			  {"startTime": 400, "title": "Outro"}]}""";

	private static final String FEED = """
			<?xml version="1.0" encoding="UTF-8"?>
			<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
			     xmlns:podcast="https://podcastindex.org/namespace/1.0">
			<channel>
			  <title>Chaptered Show</title>
			  <link>https://chaptered.example/</link>
			  <description>Chapters with ends.</description>
			  <item>
			    <title>With a duration</title>
			    <guid isPermaLink="false">timed-1</guid>
			    <pubDate>Mon, 02 Mar 2026 10:00:00 +0000</pubDate>
			    <enclosure url="https://chaptered.example/1.mp3" type="audio/mpeg" length="1000"/>
			    <itunes:duration>10:00</itunes:duration>
			    <description>Notes.</description>
			    <podcast:chapters url="{{base}}/files/chapters.json" type="application/json+chapters"/>
			  </item>
			  <item>
			    <title>Without a duration</title>
			    <guid isPermaLink="false">timed-2</guid>
			    <pubDate>Mon, 23 Feb 2026 10:00:00 +0000</pubDate>
			    <enclosure url="https://chaptered.example/2.mp3" type="audio/mpeg" length="1000"/>
			    <description>Notes.</description>
			    <podcast:chapters url="{{base}}/files/chapters.json" type="application/json+chapters"/>
			  </item>
			</channel>
			</rss>
			""";

	private static final String TIMED = "/episodes/with-a-duration";

	private static final String UNTIMED = "/episodes/without-a-duration";

	@Autowired
	JsonMapper json;

	@BeforeEach
	void poll() {
		DatabaseCleaner.clean(this.jdbc);
		feeds.respond("/feed.xml", 200,
				FEED.replace("{{base}}", feeds.url("").toString()).getBytes(StandardCharsets.UTF_8), "Content-Type",
				"application/rss+xml");
		feeds.respond("/files/chapters.json", 200, CHAPTERS.getBytes(StandardCharsets.UTF_8), "Content-Type",
				"application/json+chapters");
		assertThat(this.polls.poll().orElseThrow().getOutcome()).isEqualTo(PollRun.Outcome.SUCCESS);
	}

	@Test
	void theEpisodeListsEachChapterWithItsSpanAndLength() throws Exception {
		var page = Html.page(this.mvc, TIMED);

		assertThat(times(page)).containsExactly("0:00–1:00 · 1 min", "1:35–6:40 · 5 min", "6:40–10:00 · 3 min");
		assertThat(page.select(".chapter-list li").eachAttr("data-end")).containsExactly("60", "400", "600");
		assertThat(page.select(".chapter-times time").eachAttr("datetime")).containsExactly("PT1M", "PT5M5S",
				"PT3M20S");
		assertThat(times(Html.page(this.mvc, TIMED + "/transcript"))).hasSize(3);
	}

	@Test
	void theLastChapterOfAnEpisodeWithoutADurationShowsNoInventedEnd() throws Exception {
		var page = Html.page(this.mvc, UNTIMED);

		assertThat(times(page)).containsExactly("0:00–1:00 · 1 min", "1:35–6:40 · 5 min");
		assertThat(page.select(".chapter-list li").get(2).select(".chapter-times")).isEmpty();
		assertThat(page.select(".chapter-list li").get(2).hasAttr("data-end")).isFalse();
		assertThat(Html.page(this.mvc, UNTIMED + "/chapters/3").selectFirst(".episode-header .meta").text())
			.startsWith("from 6:40");
	}

	@Test
	void theChapterPageShowsItsSpanAndLength() throws Exception {
		var intro = Html.page(this.mvc, TIMED + "/chapters/1");

		assertThat(intro.selectFirst(".episode-header .meta").text()).startsWith("0:00–1:00 · 1 min");
		assertThat(intro.selectFirst(".episode-header .meta time").attr("datetime")).isEqualTo("PT1M");
		assertThat(times(intro)).containsExactly("0:00–1:00 · 1 min", "1:35–6:40 · 5 min", "6:40–10:00 · 3 min");
	}

	@Test
	void everyChapterPageListsTheSpans() throws Exception {
		var page = Html.page(this.mvc, "/chapters");

		assertThat(times(page)).containsExactly("0:00–1:00 · 1 min", "1:35–6:40 · 5 min", "6:40–10:00 · 3 min",
				"0:00–1:00 · 1 min", "1:35–6:40 · 5 min");
	}

	@Test
	void theExportedFilesCarryOnlyTheEndsTheSourceGave() throws Exception {
		var file = this.json.readTree(body(TIMED + "/chapters.json"));
		assertThat(file.get("chapters").get(0).get("endTime").asInt()).isEqualTo(60);
		assertThat(file.get("chapters").get(1).has("endTime")).isFalse();
		assertThat(file.get("chapters").get(2).has("endTime")).isFalse();

		var api = this.json.readTree(body("/api/v1" + TIMED)).get("chapters");
		assertThat(api.get(0).get("endSeconds").asInt()).isEqualTo(60);
		assertThat(api.get(1).get("endSeconds").isNull()).isTrue();

		var exported = new ArrayList<JsonNode>();
		var gzip = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/export.jsonl.gz"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		for (var line : new String(new GZIPInputStream(new ByteArrayInputStream(gzip)).readAllBytes(),
				StandardCharsets.UTF_8)
			.split("\n")) {
			exported.add(this.json.readTree(line));
		}
		var chapters = exported.stream()
			.filter((line) -> line.get("type").asString().equals("episode"))
			.filter((line) -> line.get("guid").asString().equals("timed-1"))
			.findFirst()
			.orElseThrow()
			.get("chapters");
		assertThat(chapters.get(0).get("endSeconds").asInt()).isEqualTo(60);
		assertThat(chapters.get(1).get("endSeconds").isNull()).isTrue();
	}

	private static List<String> times(Document page) {
		return page.select(".chapter-list .chapter-times").eachText();
	}

	private String body(String path) {
		try {
			return Html.result(this.mvc, path).getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
