package ai.interconnects.archive.search;

import java.nio.charset.StandardCharsets;

import ai.interconnects.archive.support.PagesTestSupport;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

class SearchResultsPageTests extends PagesTestSupport {

	@Autowired
	SearchVocabulary vocabulary;

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
		// no count here: the transcript counts its own matching moments (its paragraphs)
		assertThat(all.text()).isEqualTo("Every match in the transcript");
		var transcript = page(all.attr("href"));
		assertThat(transcript.select("[data-segment].is-match").size())
			.isGreaterThan(dean.select(".search-moment-segment").size());
	}

	@Test
	void eachMomentIsWorthItsSlot() throws Exception {
		ingestFixture();

		var page = page("/search?q=distillation");

		var heading = page.select(".search-episode h2 a")
			.stream()
			.filter((a) -> a.text().equals("The distillation panic"))
			.findFirst()
			.orElseThrow();
		assertThat(heading.select("mark").eachText()).containsExactly("distillation");
		assertThat(page.select(".search-moment-title")).as("no moment repeats its heading").isEmpty();
		assertThat(page.select(".search-moment-chapter .search-excerpt").eachText()).noneMatch((t) -> t.endsWith("…"));
		for (var moment : page.select(".search-moment")) {
			var hrefs = moment.select("a").eachAttr("href");
			assertThat(hrefs).hasSizeLessThanOrEqualTo(2).doesNotHaveDuplicates();
		}
	}

	@Test
	void theDateFiltersOfferTheArchivesMonthsAsThePagesWriteDates() throws Exception {
		ingestFixture();

		var page = page("/search?q=tariffs&from=2026-03-01");

		assertThat(page.select("input[type=date]")).isEmpty();
		var from = page.selectFirst("select#search-from");
		assertThat(from.select("option").eachText()).contains("May 2026", "March 2026");
		assertThat(from.selectFirst("option[selected]").text()).isEqualTo("March 2026");
		assertThat(page.selectFirst("select#search-to option[value=2026-03-31]").text()).isEqualTo("March 2026");
		assertThat(page.selectFirst(".search-clear a").attr("href")).isEqualTo("/search?q=tariffs");
		assertThat(page("/search?q=tariffs").select(".search-clear")).isEmpty();
		assertThat(page("/search?q=tariffs&to=2026-03-15").selectFirst("select#search-to option[selected]").text())
			.isEqualTo("15 March 2026");
	}

	@Test
	void partOfASpeakersNameFindsThemAndSaysSo() throws Exception {
		ingestFixture();
		// the speaker list is a materialized view refreshed on a schedule (a minute):
		// refresh it now rather than depend on how long the context has been up
		this.vocabulary.refreshIfStale();

		var page = page("/search?q=open&speaker=dean");

		assertThat(page.select(".search-notices li").eachText())
			.contains("Showing what Dean Ball said: the only speaker whose name has “dean”.");
		assertThat(page.select(".search-moment-segment .search-moment-meta span").eachText()).isNotEmpty()
			.allMatch((label) -> label.contains("Dean Ball"));
		assertThat(page.selectFirst("#search-speaker").val()).isEqualTo("Dean Ball");
		assertThat(page("/search?q=open&speaker=zed").select(".search-notices li").eachText())
			.contains("No speaker is named “zed”.");
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
