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
		var items = new StringBuilder();
		for (int n = 1; n <= 22; n++) {
			items
				.append("""
						<item><title>Episode %1$d</title><guid isPermaLink="false">host-%1$d</guid>
						<pubDate>%1$02d Jan 2026 10:00:00 GMT</pubDate>
						<enclosure url="https://example.com/audio/%1$d.mp3" length="1000" type="audio/mpeg"/>
						<description><![CDATA[<p>Episode %1$d.</p><h3>Transcript</h3>
						<p>00:00:00 Hana Host: Welcome to episode %1$d, where we talk about sparse attention and its kernels.</p>
						<p>00:00:30 Guest %1$d: Thanks.</p>]]></description></item>
						"""
					.formatted(n));
		}
		ingest(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Many</title>"
				+ "<link>https://example.com/</link><description>Test</description>" + items + "</channel></rss>")
			.getBytes(StandardCharsets.UTF_8));

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
