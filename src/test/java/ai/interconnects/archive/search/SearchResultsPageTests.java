package ai.interconnects.archive.search;

import java.nio.charset.StandardCharsets;

import ai.interconnects.archive.support.PagesTestSupport;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

class SearchResultsPageTests extends PagesTestSupport {

	@Test
	void anEpisodeWithMoreMomentsThanShownLinksToAllOfThemInTheTranscript() throws Exception {
		ingestFixture();

		var page = page("/search?q=government");

		var dean = page.select(".search-episode")
			.stream()
			.filter((e) -> e.selectFirst("h2 a").attr("href").endsWith(DEAN_BALL))
			.findFirst()
			.orElseThrow();
		var all = dean.selectFirst(".search-all a");
		assertThat(all.attr("href")).isEqualTo("/episodes/" + DEAN_BALL + "/transcript?q=government");
		assertThat(all.text()).matches("All \\d+ moments: see every match in the transcript");
		var transcript = page(all.attr("href"));
		assertThat(transcript.select("[data-segment].is-match").size())
			.isGreaterThan(dean.select(".search-moment-segment").size());
	}

	@Test
	void theFiltersFoldOnceThereAreResultsUnlessOneIsSet() throws Exception {
		ingestFixture();

		assertThat(page("/search").selectFirst("details.search-filters").hasAttr("open")).isTrue();
		assertThat(page("/search?q=tariffs").selectFirst("details.search-filters").hasAttr("open")).isFalse();
		assertThat(page("/search?q=tariffs&speaker=Dean+Ball").selectFirst("details.search-filters").hasAttr("open"))
			.isTrue();
		assertThat(page("/search?q=tariffs").selectFirst("form.search-form").attr("aria-label"))
			.isEqualTo("Search the transcripts");
	}

	private Document page(String path) throws Exception {
		var response = this.mvc.perform(get(path)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
	}

}
