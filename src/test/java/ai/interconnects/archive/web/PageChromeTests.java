package ai.interconnects.archive.web;

import ai.interconnects.archive.support.PagesTestSupport;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What every page carries around its content: the header's search, the footer's keys. */
class PageChromeTests extends PagesTestSupport {

	@Test
	void theFooterOffersThePlayersKeysOnlyWhereThereIsAPlayer() {
		ingestFixture();

		for (var path : new String[] { "/episodes/" + DEAN_BALL, "/episodes/" + DEAN_BALL + "/transcript",
				"/episodes/" + DEAN_BALL + "/chapters/2" }) {
			assertThat(Jsoup.parse(fetch(path).body()).select(".site-footer .shortcuts")).as(path).hasSize(1);
		}
		for (var path : new String[] { "/", "/chapters", "/speakers", "/search?q=tariffs", "/no-such-page" }) {
			assertThat(Jsoup.parse(fetch(path).body()).select(".site-footer .shortcuts")).as(path).isEmpty();
		}
	}

	@Test
	void theSearchPageHasOneQueryBox() {
		ingestFixture();

		var page = Jsoup.parse(fetch("/search?q=tariffs").body());

		assertThat(page.select("input[name=q]")).hasSize(1);
		assertThat(page.selectFirst("input[name=q]").val()).isEqualTo("tariffs");
		assertThat(Jsoup.parse(fetch("/speakers").body()).select("form.site-search input[name=q]")).hasSize(1);
	}

}
