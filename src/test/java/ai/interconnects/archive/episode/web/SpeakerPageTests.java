package ai.interconnects.archive.episode.web;

import ai.interconnects.archive.transcript.Speakers;

import java.nio.charset.StandardCharsets;

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
	void aSpeakersPageShowsTheirEpisodesFirstLinesAndAScopedSearch() throws Exception {
		ingestFixture();

		var page = page("/speakers/dean-ball");

		assertThat(page.selectFirst("h1").text()).isEqualTo("Dean Ball");
		var episodes = page.select(".speaker-episode");
		assertThat(episodes).hasSize(1);
		assertThat(episodes.get(0).selectFirst("h2 a").attr("href"))
			.isEqualTo("/episodes/dean-ball-on-open-models-and-government-control");
		var first = episodes.get(0).selectFirst(".turn-list li");
		assertThat(first.selectFirst("a.ts").text()).isEqualTo("1:12");
		assertThat(first.selectFirst("a.ts").attr("href"))
			.isEqualTo("/episodes/dean-ball-on-open-models-and-government-control?t=72");
		assertThat(first.selectFirst("a.turn-line").text()).startsWith("My guess is that in the long run");
		assertThat(first.selectFirst("a.turn-line").attr("href"))
			.isEqualTo("/episodes/dean-ball-on-open-models-and-government-control/transcript?t=72#t-72");
		assertThat(episodes.get(0).select(".turn-list li"))
			.hasSizeLessThanOrEqualTo(SpeakerDirectory.TURNS_PER_EPISODE);
		assertThat(episodes.get(0).selectFirst(".more-link a").text()).matches("\\d+ more turns in the transcript");
		var search = page.selectFirst("form.speaker-search");
		assertThat(search.attr("action")).isEqualTo("/search");
		assertThat(search.attr("aria-label")).isEqualTo("Search what Dean Ball said");
		assertThat(search.selectFirst("input[type=hidden][name=speaker]").val()).isEqualTo("Dean Ball");
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
