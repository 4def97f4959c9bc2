package ai.interconnects.archive.api;

import java.time.Instant;

import ai.interconnects.archive.support.FormatsTestSupport;
import ai.interconnects.archive.support.SecondShow;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The API, feeds and OPML of a library: the polled fixture show and a second show beside
 * it ({@link SecondShow}).
 */
class LibraryApiTests extends FormatsTestSupport {

	@Autowired
	JsonMapper json;

	private String library() {
		ingest(FIXTURE);
		long b = SecondShow.add(this.jdbc, "open-source-hour", "The Open Source Hour");
		SecondShow.episode(this.jdbc, b, "weights-day", "Weights day", "We talk about quokkalicious weights.",
				Instant.parse("2026-01-02T10:00:00Z"));
		SecondShow.episode(this.jdbc, b, "licences", "Licences", "Licences and quokkalicious terms.",
				Instant.parse("2026-01-01T10:00:00Z"));
		return this.jdbc.sql("select slug from podcast order by id limit 1").query(String.class).single();
	}

	@Test
	void theShowsAreListedWithTheirCountsAndOneShowByItsSlug() throws Exception {
		var first = library();

		var shows = json("/api/v1/shows").get("shows");
		assertThat(shows).hasSize(2);
		assertThat(shows.get(0).get("slug").asString()).isEqualTo(first);
		assertThat(shows.get(0).get("episodes").asInt()).isEqualTo(11);
		assertThat(shows.get(0).get("lastPoll").get("outcome").asString()).isEqualTo("SUCCESS");
		assertThat(shows.get(1).get("slug").asString()).isEqualTo("open-source-hour");
		assertThat(shows.get(1).get("episodes").asInt()).isEqualTo(2);
		assertThat(shows.get(1).get("newestEpisodeAt").asString()).isEqualTo("2026-01-02T10:00:00Z");
		assertThat(shows.get(1).get("feedUrl").asString()).isEqualTo("https://feeds.example.org/open-source-hour.xml");
		assertThat(shows.get(1).get("lastPoll").isNull()).isTrue();
		assertThat(json("/api/v1/shows/open-source-hour").get("title").asString()).isEqualTo("The Open Source Hour");
		this.mvc.perform(get("/api/v1/shows/nowhere"))
			.andExpect(status().isNotFound())
			.andExpect(header().string("Content-Type", "application/problem+json"));
	}

	@Test
	void episodesNameTheirShowAndCanBeFilteredByShow() throws Exception {
		library();

		var page = json("/api/v1/episodes?show=open-source-hour");
		assertThat(page.get("totalEpisodes").asInt()).isEqualTo(2);
		assertThat(page.get("episodes").get(0).get("slug").asString()).isEqualTo("weights-day");
		assertThat(page.get("episodes").get(0).get("show").get("title").asString()).isEqualTo("The Open Source Hour");
		assertThat(json("/api/v1/episodes?size=100").get("totalEpisodes").asInt()).isEqualTo(13);
		assertThat(json("/api/v1/episodes/" + DEAN_BALL).get("show").get("slug").asString()).isNotBlank();
		this.mvc.perform(get("/api/v1/episodes?show=nowhere")).andExpect(status().isBadRequest());
	}

	@Test
	void searchTakesShowsAndCountsEachShow() throws Exception {
		var first = library();

		var all = json("/api/v1/search?q=quokkalicious&mode=words");
		assertThat(all.get("totalEpisodes").asInt()).isEqualTo(2);
		assertThat(all.get("episodes").get(0).get("show").get("slug").asString()).isEqualTo("open-source-hour");
		assertThat(all.get("facets").get("shows")).hasSize(1);
		assertThat(all.get("facets").get("shows").get(0).get("episodes").asInt()).isEqualTo(2);
		var none = json("/api/v1/search?q=quokkalicious&mode=words&show=" + first);
		assertThat(none.get("totalEpisodes").asInt()).isZero();
	}

	@Test
	void theResultsPageNamesEachEpisodesShowAndOffersTheShowsFacet() throws Exception {
		library();

		var page = org.jsoup.Jsoup
			.parse(this.mvc.perform(get("/search?q=quokkalicious&mode=words&show=open-source-hour"))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
		assertThat(page.select(".search-shows li").eachText()).containsExactly("All shows", "The Open Source Hour 2");
		assertThat(page.selectFirst(".search-shows a:containsOwn(The Open Source Hour)").attr("href"))
			.isEqualTo("/search?q=quokkalicious&mode=words&show=open-source-hour");
		assertThat(page.select("input[type=hidden][name=show]").eachAttr("value")).containsExactly("open-source-hour");

		var all = org.jsoup.Jsoup.parse(this.mvc.perform(get("/search?q=quokkalicious&mode=words"))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(all.select(".search-episode-show").eachText()).containsExactly("The Open Source Hour",
				"The Open Source Hour");
	}

	@Test
	void eachShowHasItsFeedAndTheArchiveFeedMovesToTheFirstShows() throws Exception {
		var first = library();

		this.mvc.perform(get("/feed.xml?page=2"))
			.andExpect(status().isMovedPermanently())
			.andExpect(header().string("Location", "http://localhost/shows/" + first + "/feed.xml?page=2"));
		var feed = this.mvc.perform(get("/shows/open-source-hour/feed.xml"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(feed).contains("<title>Weights day</title>", "<title>Licences</title>").doesNotContain("Dean Ball");
		this.mvc.perform(get("/shows/nowhere/feed.xml")).andExpect(status().isNotFound());
		var sitemap = this.mvc.perform(get("/sitemap-1.xml")).andReturn().getResponse().getContentAsString()
				+ this.mvc.perform(get("/sitemap-2.xml")).andReturn().getResponse().getContentAsString();
		assertThat(sitemap).contains("<loc>http://localhost/shows/open-source-hour</loc>",
				"<loc>http://localhost/shows/" + first + "</loc>",
				"<loc>http://localhost/shows/open-source-hour/episodes/weights-day</loc>",
				"<loc>http://localhost/shows/" + first + "/episodes/" + DEAN_BALL + "</loc>");
		var opml = this.mvc.perform(get("/opml.xml")).andReturn().getResponse().getContentAsString();
		assertThat(opml).contains("xmlUrl=\"https://feeds.example.org/open-source-hour.xml\"",
				"htmlUrl=\"http://localhost/shows/open-source-hour\"",
				"htmlUrl=\"http://localhost/shows/" + first + "\"");
	}

	private JsonNode json(String path) throws Exception {
		return this.json.readTree(this.mvc.perform(get(path)).andReturn().getResponse().getContentAsString());
	}

}
