package ai.interconnects.archive.web;

import ai.interconnects.archive.support.Html;
import ai.interconnects.archive.support.PagesTestSupport;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who is talking: the interview fixture's feed names no one (as the real Interconnects
 * feed), yet its cards and episode headers say "with Bryan Catanzaro", derived from the
 * transcript's speakers other than the host (Nathan Lambert, in every interview), linked
 * to the speaker's page; cards say which episodes are interviews and which essays.
 */
class GuestNamesTests extends PagesTestSupport {

	static final String BRYAN = "/episodes/bryan-catanzaro-on-nemotron-and-open-data";

	@BeforeEach
	void interviews() {
		restore("interviews-feed.xml");
	}

	@Test
	void cardsNameTheGuestsAndSayWhatEachEpisodeIs() throws Exception {
		var page = Html.page(this.mvc, "/");

		var bryan = card(page, "Bryan Catanzaro on Nemotron and open data");
		assertThat(bryan.selectFirst(".card-guests").text()).isEqualTo("with Bryan Catanzaro");
		assertThat(bryan.selectFirst(".card-guests a").attr("href")).isEqualTo("/speakers/bryan-catanzaro");
		assertThat(bryan.selectFirst(".kind").text()).isEqualTo("Interview");
		var panel = card(page, "A panel on open model policy");
		assertThat(panel.selectFirst(".card-guests").text()).isEqualTo("with Amara Okafor and Tomás Ruiz");
		var essay = card(page, "Why open weights are a research tool");
		assertThat(essay.selectFirst(".kind").text()).isEqualTo("Essay");
		assertThat(essay.select(".card-guests")).isEmpty();
		assertThat(page.select(".card-guests").text()).doesNotContain("Nathan Lambert");

		var list = Html.page(this.mvc, "/?view=list");
		assertThat(list.select(".episode-row-guests").eachText()).contains("with Bryan Catanzaro", "with Ross Taylor");
	}

	@Test
	void theEpisodeAndItsTranscriptSayWhoItIsWith() throws Exception {
		for (var path : new String[] { BRYAN, BRYAN + "/transcript" }) {
			var header = Html.page(this.mvc, path).selectFirst(".episode-header");

			assertThat(header.selectFirst(".guests").text()).as(path).isEqualTo("with Bryan Catanzaro");
			assertThat(header.selectFirst(".guests a").attr("href")).isEqualTo("/speakers/bryan-catanzaro");
		}
	}

	@Test
	void searchResultsSayWhoEachEpisodeIsWith() throws Exception {
		var page = Html.page(this.mvc, "/search?q=verifiers");

		var result = page.selectFirst(".search-episode");
		assertThat(result.selectFirst("h2").text()).isEqualTo("Bryan Catanzaro on Nemotron and open data");
		assertThat(result.selectFirst(".search-episode-meta .guests").text()).isEqualTo("with Bryan Catanzaro");
	}

	@Test
	void theFeedsOwnCreditsComeFirst() throws Exception {
		restore("persons-feed.xml");

		var page = Html.page(this.mvc, "/");

		assertThat(card(page, "A guest joins").selectFirst(".card-guests").text())
			.isEqualTo("with Grace Guest and Quiet Listener");
	}

	private static Element card(Document page, String title) {
		return page.select("li.episode-card")
			.stream()
			.filter((card) -> card.selectFirst("h2").text().equals(title))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No card for " + title));
	}

}
