package ai.interconnects.archive.episode.web;

import ai.interconnects.archive.transcript.Speakers;

import java.nio.charset.StandardCharsets;

import ai.interconnects.archive.support.DatabaseCleaner;
import ai.interconnects.archive.support.PagesTestSupport;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

class SpeakerPageTests extends PagesTestSupport {

	@Test
	void theSpeakersPageListsEveryoneWithTheirEpisodesAndTurns() throws Exception {
		ingestFixture();

		var page = page("/speakers");

		var items = page.select(".speaker-list li");
		assertThat(items.select("a").eachText()).contains("Nathan Lambert", "Dean Ball");
		var dean = items.stream()
			.filter((li) -> li.selectFirst("a").text().equals("Dean Ball"))
			.findFirst()
			.orElseThrow();
		assertThat(dean.selectFirst("a").attr("href")).isEqualTo("/speakers/dean-ball");
		long turns = this.jdbc.sql("select count(*) from transcript_segment where speaker = 'Dean Ball'")
			.query(Long.class)
			.single();
		assertThat(dean.selectFirst(".meta").text()).isEqualTo("1 episode · " + turns + " turns");
		assertThat(page.selectFirst(".site-nav a[aria-current=page]").text()).isEqualTo("Speakers");
	}

	@Test
	void aSpeakersPageShowsTheirWordsTheirEpisodesOneRowEachAndAScopedSearch() throws Exception {
		ingestFixture();

		var page = page("/speakers/dean-ball");

		assertThat(page.selectFirst("h1").text()).isEqualTo("Dean Ball");
		var episodes = page.select(".speaker-episode");
		assertThat(episodes).hasSize(1);
		var row = episodes.get(0);
		assertThat(row.selectFirst("a.episode-row-title").attr("href"))
			.isEqualTo("/episodes/dean-ball-on-open-models-and-government-control");
		assertThat(row.selectFirst("time").text()).isEqualTo("6 March 2026");
		long turns = this.jdbc.sql("select count(*) from transcript_segment where speaker = 'Dean Ball'")
			.query(Long.class)
			.single();
		var first = row.selectFirst(".episode-row-meta a");
		assertThat(first.text()).isEqualTo(turns + " turns");
		assertThat(first.attr("href"))
			.isEqualTo("/episodes/dean-ball-on-open-models-and-government-control/transcript?t=72#t-72");
		var quotes = page.select(".speaker-quote");
		assertThat(quotes).hasSizeBetween(2, 3);
		assertThat(quotes.select("figcaption a").eachAttr("href")).allMatch(
				(href) -> href.startsWith("/episodes/dean-ball-on-open-models-and-government-control/transcript"));
		var search = page.selectFirst("form.speaker-search");
		assertThat(search.attr("action")).isEqualTo("/search");
		assertThat(search.attr("aria-label")).isEqualTo("Search what Dean Ball said");
		assertThat(search.selectFirst("input[name=q]").attr("placeholder")).isEqualTo("Words Dean Ball used");
		assertThat(search.selectFirst("input[type=hidden][name=speaker]").val()).isEqualTo("Dean Ball");
	}

	@Test
	void aHostInManyEpisodesGetsOneRowAnEpisodeAPageAtATime() throws Exception {
		DatabaseCleaner.clean(this.jdbc);
		var show = archive().show("Many", feeds.url("/feed.xml").toString());
		for (int n = 1; n <= 22; n++) {
			show.episode("Episode " + n)
				.publishedAt("2026-01-%02dT10:00:00Z".formatted(n))
				.notes("<p>Episode %d.</p>".formatted(n))
				.segment(0, "Hana Host",
						"Welcome to episode %d, where we talk about sparse attention and its kernels.".formatted(n))
				.segment(30, "Guest " + n, "Thanks.")
				.store();
		}

		var first = page("/speakers/hana-host");
		var second = page("/speakers/hana-host?page=2");

		assertThat(first.select(".speaker-episode")).hasSize(20);
		assertThat(first.selectFirst(".speaker-episode a.episode-row-title").text()).isEqualTo("Episode 22");
		assertThat(first.selectFirst(".pagination-status").text()).isEqualTo("Page 1 of 2");
		assertThat(second.select(".speaker-episode a.episode-row-title").eachText()).containsExactly("Episode 2",
				"Episode 1");
		assertThat(second.select(".speaker-quote")).as("quotes on the first page only").isEmpty();
		assertThat(page("/speakers/hana-host?page=x").select(".speaker-episode")).hasSize(20);
	}

	@Test
	void anUnknownSpeakerIsA404() throws Exception {
		ingestFixture();

		assertThat(this.mvc.perform(get("/speakers/nobody-at-all")).andReturn().getResponse().getStatus())
			.isEqualTo(404);
	}

	@Test
	void speakerSlugsAreReadableAndStable() {
		assertThat(Speakers.slug("Dean Ball")).isEqualTo("dean-ball");
		assertThat(Speakers.slug("Renée O’Brien")).isEqualTo("renee-obrien");
		assertThat(Speakers.slug("  ")).isNull();
		assertThat(Speakers.slug("🦜")).isEqualTo("🦜");
	}

	private Document page(String path) throws Exception {
		var response = this.mvc.perform(get(path)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8), "http://localhost/");
	}

}
