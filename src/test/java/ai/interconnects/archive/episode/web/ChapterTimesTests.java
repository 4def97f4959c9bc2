package ai.interconnects.archive.episode.web;

import ai.interconnects.archive.support.Html;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

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
 * Chapters show their span and length: the end their source gives (a chapters file's
 * {@code endTime}), else the next chapter's start, else the episode's end, and nothing
 * where none is known. The files the archive exports carry only the ends the source gave.
 * (How a chapters file's ends are read is the ingest tests' part.)
 */
class ChapterTimesTests extends PagesTestSupport {

	private static final String TIMED = "/episodes/with-a-duration";

	private static final String UNTIMED = "/episodes/without-a-duration";

	@Autowired
	JsonMapper json;

	/**
	 * Two episodes with the same three chapters: the intro ends (60 s) well before the
	 * next chapter starts (95 s), so the given end wins. One lasts 10 minutes; its twin
	 * has no duration.
	 */
	@BeforeEach
	void chapteredShow() {
		DatabaseCleaner.clean(this.jdbc);
		var show = archive().show("Chaptered Show", feeds.url("/feed.xml").toString());
		show.episode("With a duration")
			.guid("timed-1")
			.publishedAt("2026-03-02T10:00:00Z")
			.durationSeconds(600)
			.chapter(0, 60, "Intro")
			.chapter(95, "Main part")
			.chapter(400, "Outro")
			.store();
		show.episode("Without a duration")
			.guid("timed-2")
			.publishedAt("2026-02-23T10:00:00Z")
			.durationSeconds(null)
			.chapter(0, 60, "Intro")
			.chapter(95, "Main part")
			.chapter(400, "Outro")
			.store();
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
