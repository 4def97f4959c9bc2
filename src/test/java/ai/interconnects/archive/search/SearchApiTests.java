package ai.interconnects.archive.search;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

import ai.interconnects.archive.support.FormatsTestSupport;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

class SearchApiTests extends FormatsTestSupport {

	@Autowired
	JsonMapper json;

	@Test
	void theApiAnswersWithTheSearchPagesResults() throws Exception {
		ingestFixture();

		for (var query : new String[] { "open models", "\"government control\"", "distillation -china" }) {
			var results = this.json.readTree(query("/api/v1/search", query));
			var page = Jsoup.parse(query("/search", query));

			assertThat(results.get("outcome").asString()).isEqualTo("SEARCHED");
			var apiEpisodes = new ArrayList<String>();
			var apiLinks = new ArrayList<String>();
			for (var episode : results.get("episodes")) {
				apiEpisodes.add("/episodes/" + episode.get("slug").asString());
				for (var moment : episode.get("best")) {
					apiLinks.add(moment.get("url").asString().replace("http://localhost", ""));
				}
			}
			assertThat(apiEpisodes).as(query)
				.isNotEmpty()
				.containsExactlyElementsOf(page.select(".search-episode h2 a").eachAttr("href"));
			var pageLinks = new ArrayList<String>();
			for (var moment : page.select(".search-moment")) {
				pageLinks.add(moment.select("a").first().attr("href"));
			}
			assertThat(apiLinks).as(query).hasSameSizeAs(pageLinks);
		}
	}

	@Test
	void aMomentHasItsTimeTextAndLinks() throws Exception {
		ingestFixture();

		var results = this.json
			.readTree(this.mvc.perform(get("/api/v1/search").param("q", "government").param("speaker", "Dean Ball"))
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8));

		var moment = results.get("episodes").get(0).get("best").get(0);
		assertThat(moment.get("kind").asString()).isEqualTo("SEGMENT");
		assertThat(moment.get("speaker").asString()).isEqualTo("Dean Ball");
		int seconds = moment.get("startSeconds").asInt();
		assertThat(moment.get("time").asString()).isEqualTo(ai.interconnects.archive.web.TimeCode.format(seconds));
		assertThat(moment.get("excerpt").asString()).containsIgnoringCase("government").doesNotContain("<mark>");
		assertThat(moment.get("excerptHtml").asString()).contains("<mark>");
		assertThat(moment.get("url").asString()).startsWith("http://localhost/episodes/").endsWith("?t=" + seconds);
		assertThat(moment.get("transcriptUrl").asString()).contains("/transcript");
	}

	private String query(String path, String q) throws Exception {
		// in the query string (not .param()), as a browser sends it: the page cache keys
		// on it
		var response = this.mvc.perform(get(path + "?q={q}", q)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

}
