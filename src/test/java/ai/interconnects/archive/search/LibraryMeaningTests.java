package ai.interconnects.archive.search;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import ai.interconnects.archive.search.meaning.MeaningFixture;
import ai.interconnects.archive.support.ArchiveTest;
import ai.interconnects.archive.support.DatabaseCleaner;
import ai.interconnects.archive.support.SecondShow;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Search by meaning in a library of two shows, each with a moment that answers the same
 * question in other words: {@code show=} narrows the hybrid ranking (both its halves and
 * the moments) to the chosen shows, on the results page and in the API, with no notice; a
 * keyword search that finds nothing in the chosen show still offers the shows that match.
 */
@ArchiveTest(properties = { "archive.poll.enabled=false", "archive.meaning.enabled=true" })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LibraryMeaningTests {

	/** Shares no word with either answer. */
	static final String QUESTION = "the phone maker refused federal police demands to unlock a device";

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@BeforeAll
	void twoShowsEmbedded() {
		DatabaseCleaner.clean(this.jdbc);
		long a = SecondShow.add(this.jdbc, "show-a", "Show A");
		long b = SecondShow.add(this.jdbc, "show-b", "Show B");
		var day = Instant.parse("2026-01-10T00:00:00Z");
		SecondShow.episode(this.jdbc, a, "a-iphone", "Cases",
				"Apple declined the FBI's request to break into the iPhone of the San Bernardino shooter.", day);
		SecondShow.episode(this.jdbc, a, "a-football", "Sport",
				"The football season ended with a surprising upset in the final match.", day.plusSeconds(86400));
		SecondShow.episode(this.jdbc, b, "b-handset", "Privacy",
				"The company from Cupertino would not help investigators get into the handset used in the attack.",
				day.plusSeconds(2 * 86400));
		SecondShow.episode(this.jdbc, b, "b-bread", "Baking",
				"We baked sourdough bread and compared flours for a crusty loaf.", day.plusSeconds(3 * 86400));
		MeaningFixture.embedAll(this.context);
	}

	Document page(String path) throws Exception {
		var response = this.mvc.perform(get(path)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
	}

	static String q(String query) {
		return query.replace(' ', '+');
	}

	@Test
	void withoutAFilterMeaningFindsTheAnswerInBothShows() throws Exception {
		var page = page("/search?q=" + q(QUESTION));

		assertThat(page.selectFirst(".search-status").text()).startsWith("Ranked by meaning and words");
		assertThat(page.select(".search-episode h2 a").eachAttr("href")).contains("/shows/show-a/episodes/a-iphone",
				"/shows/show-b/episodes/b-handset");
	}

	@Test
	void theShowFilterNarrowsSearchByMeaningToTheChosenShow() throws Exception {
		var page = page("/search?q=" + q(QUESTION) + "&show=show-b");

		assertThat(page.select(".search-notices li")).isEmpty();
		assertThat(page.selectFirst(".search-status").text()).startsWith("Ranked by meaning and words");
		var episodes = page.select(".search-episode");
		assertThat(episodes.select("h2 a").eachAttr("href")).first().isEqualTo("/shows/show-b/episodes/b-handset");
		assertThat(episodes.select("h2 a").eachAttr("href")).noneMatch((href) -> href.contains("/a-"));
		assertThat(episodes.select(".search-episode-show").eachText()).containsOnly("Show B");
		assertThat(episodes.first().select(".search-by-meaning")).isNotEmpty();
		assertThat(page.select(".search-shows a[aria-current=true]").eachText()).containsExactly("Show B");

		var other = page("/search?q=" + q(QUESTION) + "&show=show-a");
		assertThat(other.select(".search-episode h2 a").eachAttr("href")).first()
			.isEqualTo("/shows/show-a/episodes/a-iphone");
		assertThat(other.select(".search-episode h2 a").eachAttr("href")).noneMatch((href) -> href.contains("/b-"));
	}

	@Test
	void theApiNarrowsSearchByMeaningByShow() throws Exception {
		var body = this.mvc.perform(get("/api/v1/search").param("q", QUESTION).param("show", "show-b"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(body).contains("\"mode\":\"HYBRID\"")
			.contains("\"match\":\"MEANING\"")
			.contains("b-handset")
			.doesNotContain("a-iphone")
			.doesNotContain("a-football")
			.doesNotContain("does not narrow");
	}

	@Test
	void nothingInTheChosenShowStillOffersTheShowsThatMatch() throws Exception {
		var page = page("/search?mode=words&q=sourdough&show=show-a");

		assertThat(page.selectFirst(".search-empty").text()).startsWith("No moments match");
		assertThat(page.select(".search-shows li").eachText()).contains("All shows", "Show B 1");
	}

}
