package ai.interconnects.archive.syndication;

import ai.interconnects.archive.support.FormatsTestSupport;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class StructuredDataTests extends FormatsTestSupport {

	@Autowired
	JsonMapper json;

	@Autowired
	StructuredData structuredData;

	@Test
	void episodePagesDescribeAPodcastEpisodeOfTheSeries() throws Exception {
		ingestFixture();

		var page = Jsoup.parse(body("/episodes/" + DEAN_BALL));

		var episode = jsonLd(page);
		assertThat(episode.get("@context").asString()).isEqualTo("https://schema.org");
		assertThat(episode.get("@type").asString()).isEqualTo("PodcastEpisode");
		assertThat(episode.get("name").asString()).isEqualTo("Dean Ball on open models and government control");
		assertThat(episode.get("url").asString()).isEqualTo("http://localhost/episodes/" + DEAN_BALL);
		assertThat(episode.get("datePublished").asString()).matches("\\d{4}-\\d{2}-\\d{2}");
		assertThat(episode.get("duration").asString()).matches("PT.*");
		assertThat(episode.get("partOfSeries").get("@type").asString()).isEqualTo("PodcastSeries");
		assertThat(episode.get("partOfSeries").get("name").asString()).isEqualTo("Interconnects");
		var audio = episode.get("associatedMedia");
		assertThat(audio.get("@type").asString()).isEqualTo("AudioObject");
		assertThat(audio.get("contentUrl").asString())
			.isEqualTo(page.select("meta[property=og:audio]").attr("content"));
		assertThat(audio.get("encodingFormat").asString())
			.isEqualTo(page.select("meta[property=og:audio:type]").attr("content"));
		assertThat(audio.has("transcript")).isFalse();
		assertThat(page.select("meta[property=og:image]")).hasSize(1);
	}

	@Test
	void theTranscriptPageGivesTheTranscriptText() throws Exception {
		ingestFixture();

		var episode = jsonLd(Jsoup.parse(body("/episodes/" + DEAN_BALL + "/transcript")));
		var chapter = jsonLd(Jsoup.parse(body("/episodes/" + DEAN_BALL + "/chapters/2")));

		assertThat(episode.get("url").asString()).isEqualTo("http://localhost/episodes/" + DEAN_BALL);
		assertThat(episode.get("associatedMedia").get("transcript").asString()).startsWith("Nathan Lambert: ")
			.contains("\nDean Ball: My guess is that in the long run");
		assertThat(chapter.get("@type").asString()).isEqualTo("PodcastEpisode");
		assertThat(chapter.get("associatedMedia").has("transcript")).isFalse();
	}

	@Test
	void theArchivePageDescribesThePodcastSeries() throws Exception {
		ingestFixture();

		var page = Jsoup.parse(body("/"));

		var series = jsonLd(page);
		assertThat(series.get("@type").asString()).isEqualTo("PodcastSeries");
		assertThat(series.get("name").asString()).isEqualTo("Interconnects");
		assertThat(series.get("webFeed").asString()).isEqualTo("http://localhost/feed.xml");
		assertThat(series.get("image").asString()).isEqualTo("https://substackcdn.com/feed/podcast/48206/cover.jpg");
		// the archive page has no image of its own: the show's artwork
		assertThat(page.select("meta[property=og:image]").attr("content"))
			.isEqualTo("https://substackcdn.com/feed/podcast/48206/cover.jpg");
	}

	@Test
	void aTitleCannotCloseTheScriptElement() throws Exception {
		var script = this.structuredData.script(java.util.Map.of("name", "</script><script>alert(1)</script> & more"));

		assertThat(script).doesNotContain("<").doesNotContain(">").doesNotContain("&");
		assertThat(this.json.readTree(script).get("name").asString())
			.isEqualTo("</script><script>alert(1)</script> & more");
		var page = Jsoup.parse(
				"<html><head><script type=\"application/ld+json\">" + script + "</script></head><body></body></html>");
		assertThat(page.select("script")).hasSize(1);
		assertThat(this.json.readTree(page.selectFirst("script").data()).get("name").asString())
			.isEqualTo("</script><script>alert(1)</script> & more");
	}

	private JsonNode jsonLd(Document page) {
		var scripts = page.select("script[type=application/ld+json]");
		assertThat(scripts).hasSize(1);
		return this.json.readTree(scripts.get(0).data());
	}

}
