package ai.interconnects.archive.search;

import java.nio.charset.StandardCharsets;

import ai.interconnects.archive.api.ArchiveImporter;
import ai.interconnects.archive.search.meaning.MeaningFixture;
import ai.interconnects.archive.support.ArchiveTest;
import ai.interconnects.archive.support.FeedServer;
import ai.interconnects.archive.support.FeedServerExtension;
import ai.interconnects.archive.support.FixtureArchive;
import ai.interconnects.archive.support.WithFeedServer;
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
 * What a reader sees of search by meaning, on the fixture with its vectors: a question in
 * other words lands on its episode with moments found by meaning (unmarked), "Exact words
 * only" and quotes keep keyword search, the API says how each moment was found, the
 * episode page lists related episodes with their shared topic, and a paragraph's similar
 * moments come from other episodes.
 */
@WithFeedServer
@ArchiveTest(properties = { "archive.poll.enabled=false", "archive.meaning.enabled=true" })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MeaningPagesTests {

	static final FeedServer server = FeedServerExtension.server();

	static final String DEAN_BALL = "dean-ball-on-open-models-and-government-control";

	static final String QUESTION = "the phone maker refused federal police demands to unlock a device";

	@Autowired
	ApplicationContext context;

	@Autowired
	ArchiveImporter importer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@BeforeAll
	void embedTheFixture() {
		// the fixture feed's episodes, restored without a poll
		FixtureArchive.restore(this.jdbc, this.importer, server.url("/feed.xml").toString(), "interconnects-feed.xml");
		MeaningFixture.embedAll(this.context);
	}

	Document page(String path) throws Exception {
		var response = this.mvc.perform(get(path)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
	}

	@Test
	void aQuestionInOtherWordsLandsOnItsEpisodeWithMomentsFoundByMeaning() throws Exception {
		var page = page("/search?q=" + QUESTION.replace(' ', '+'));

		assertThat(page.selectFirst(".search-status").text()).startsWith("Ranked by meaning and words");
		assertThat(page.selectFirst(".search-episode h2 a").attr("href")).isEqualTo("/episodes/" + DEAN_BALL);
		var byMeaning = page.select(".search-moment:has(.search-by-meaning)");
		assertThat(byMeaning).isNotEmpty();
		assertThat(byMeaning.select(".search-excerpt mark")).isEmpty();
		assertThat(byMeaning.select(".search-links a").eachAttr("href")).noneMatch((href) -> href.contains("q="));
		assertThat(page.selectFirst("#search-mode-words").hasAttr("checked")).isFalse();
	}

	@Test
	void exactWordsOnlyIsKeywordSearchAsBefore() throws Exception {
		var page = page("/search?mode=words&q=" + QUESTION.replace(' ', '+'));

		assertThat(page.selectFirst(".search-empty").text()).startsWith("No moments match");
		assertThat(page.selectFirst("#search-mode-words").hasAttr("checked")).isTrue();
	}

	@Test
	void exactWordsOnlyThatFindMomentsOfferRankingByMeaningToo() throws Exception {
		var page = page("/search?mode=words&q=sovereign+wealth");

		assertThat(page.selectFirst(".search-status").text()).contains("matching moment")
			.contains("Rank by meaning too");
		assertThat(page.select(".search-episode h2 a").eachAttr("href")).contains("/episodes/" + DEAN_BALL);
		assertThat(page.select(".search-by-meaning")).isEmpty();
	}

	@Test
	void quotesKeepTheirExactMeaning() throws Exception {
		var response = this.mvc.perform(get("/search").param("q", "\"sovereign wealth\"")).andReturn().getResponse();
		var page = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));

		assertThat(page.selectFirst(".search-status").text()).contains("matching moment");
		assertThat(page.select(".search-episode h2 a").eachAttr("href")).containsExactly("/episodes/" + DEAN_BALL);
		assertThat(page.select(".search-by-meaning")).isEmpty();
	}

	@Test
	void theApiSaysHowTheResultsWereRankedAndEachMomentFound() throws Exception {
		var body = this.mvc.perform(get("/api/v1/search?q=" + QUESTION.replace(' ', '+')))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);

		assertThat(body).contains("\"mode\":\"HYBRID\"").contains("\"match\":\"MEANING\"");
		var words = this.mvc.perform(get("/api/v1/search?mode=words&q=sovereign+wealth"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(words).contains("\"mode\":\"WORDS\"").contains("\"match\":\"WORDS\"").doesNotContain("MEANING");
	}

	@Test
	void theEpisodePageListsRelatedEpisodesWithTheTopicTheyShare() throws Exception {
		var page = page("/episodes/" + DEAN_BALL);

		var related = page.select(".related-episodes li");
		assertThat(related).hasSize(RelatedEpisodes.COUNT);
		assertThat(related.select(".related-title").eachAttr("href")).doesNotContain("/episodes/" + DEAN_BALL)
			.allMatch((href) -> href.startsWith("/episodes/"));
		assertThat(related.select(".related-topic a")).hasSize(RelatedEpisodes.COUNT);
	}

	@Test
	void aParagraphsSimilarMomentsComeFromOtherEpisodes() throws Exception {
		var page = page("/search/similar?episode=" + DEAN_BALL + "&p=11");

		assertThat(page.selectFirst(".similar-source blockquote").text()).contains("sovereign wealth");
		var items = page.select(".similar-results .search-episode");
		assertThat(items).hasSize(SimilarMomentsController.COUNT);
		assertThat(items.select("h2 a").eachAttr("href")).doesNotContain("/episodes/" + DEAN_BALL);

		assertThat(this.mvc.perform(get("/search/similar?episode=" + DEAN_BALL + "&p=999"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
	}

}
