package ai.interconnects.archive.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import ai.interconnects.archive.support.FormatsTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;

class EpisodeApiTests extends FormatsTestSupport {

	@Autowired
	JsonMapper json;

	@Test
	void episodesArePagedNewestFirstWithANextLink() throws Exception {
		ingestFixture();

		var slugs = new ArrayList<String>();
		String next = "/api/v1/episodes";
		int pages = 0;
		while (next != null) {
			var page = json(next);
			assertThat(page.get("pageSize").asInt()).isEqualTo(4);
			assertThat(page.get("totalEpisodes").asInt()).isEqualTo(11);
			assertThat(page.get("totalPages").asInt()).isEqualTo(3);
			page.get("episodes").forEach((episode) -> slugs.add(episode.get("slug").asString()));
			next = page.get("next").isNull() ? null : page.get("next").asString().replace("http://localhost", "");
			pages++;
		}

		assertThat(pages).isEqualTo(3);
		assertThat(slugs).containsExactlyElementsOf(
				this.jdbc.sql("select slug from episode order by published_at desc nulls last, id desc")
					.query(String.class)
					.list());
	}

	@Test
	void anEpisodeInTheListHasItsStableFields() throws Exception {
		ingestFixture();

		var episodes = json("/api/v1/episodes?size=100").get("episodes");
		JsonNode dean = null;
		for (var episode : episodes) {
			if (episode.get("slug").asString().equals(DEAN_BALL)) {
				dean = episode;
			}
		}

		assertThat(dean).isNotNull();
		assertThat(names(dean)).containsExactly("slug", "guid", "title", "publishedAt", "updatedAt", "durationSeconds",
				"summary", "imageUrl", "link", "audio", "chapterCount", "segmentCount", "links", "season", "episode",
				"show");
		assertThat(dean.get("chapterCount").asInt()).isEqualTo(5);
		assertThat(dean.get("segmentCount").asInt()).isEqualTo(55);
		assertThat(Instant.parse(dean.get("publishedAt").asString())).isNotNull();
		assertThat(dean.get("audio").get("url").asString()).startsWith("https://");
		assertThat(dean.get("links").get("vtt").asString())
			.isEqualTo("http://localhost/episodes/" + DEAN_BALL + "/transcript.vtt");
		assertThat(dean.get("links").get("api").asString()).isEqualTo("http://localhost/api/v1/episodes/" + DEAN_BALL);
	}

	@Test
	void sinceKeepsTheEpisodesChangedSinceThen() throws Exception {
		ingestFixture();
		this.jdbc.sql("update episode set updated_at = '2020-01-01T00:00:00Z' where slug <> ?")
			.param(DEAN_BALL)
			.update();

		var changed = json("/api/v1/episodes?since=2021-01-01");
		var all = json("/api/v1/episodes?since=2019-12-31T23:00:00Z");

		assertThat(changed.get("totalEpisodes").asInt()).isEqualTo(1);
		assertThat(changed.get("episodes").get(0).get("slug").asString()).isEqualTo(DEAN_BALL);
		assertThat(changed.get("since").asString()).isEqualTo("2021-01-01T00:00:00Z");
		assertThat(all.get("totalEpisodes").asInt()).isEqualTo(11);
	}

	@Test
	void oneEpisodeHasItsChaptersAndEveryParagraph() throws Exception {
		ingestFixture();

		var episode = json("/api/v1/episodes/" + DEAN_BALL);

		assertThat(episode.get("title").asString()).isEqualTo("Dean Ball on open models and government control");
		var chapters = episode.get("chapters");
		assertThat(chapters.size()).isEqualTo(5);
		assertThat(names(chapters.get(0))).containsExactly("number", "startSeconds", "endSeconds", "title", "url");
		assertThat(chapters.get(0).get("endSeconds").isNull()).isTrue();
		assertThat(chapters.get(2).get("url").asString())
			.isEqualTo("http://localhost/episodes/" + DEAN_BALL + "/chapters/3");
		var segments = episode.get("segments");
		assertThat(segments.size()).isEqualTo(55);
		assertThat(names(segments.get(1))).containsExactly("position", "startSeconds", "speaker", "text");
		assertThat(segments.get(1).get("speaker").asString()).isEqualTo("Dean Ball");
		assertThat(segments.get(1).get("startSeconds").asInt()).isEqualTo(72);
	}

	@Test
	void speakersAreCountedFromTheTranscripts() throws Exception {
		ingestFixture();

		var speakers = json("/api/v1/speakers").get("speakers");

		var expected = this.jdbc.sql("""
				select speaker, count(distinct episode_id) as episodes, count(*) as segments
				from transcript_segment where speaker is not null group by speaker""").query().listOfRows();
		assertThat(speakers.size()).isEqualTo(expected.size());
		for (var row : expected) {
			JsonNode found = null;
			for (var speaker : speakers) {
				if (speaker.get("name").asString().equals(row.get("speaker"))) {
					found = speaker;
				}
			}
			assertThat(found).as((String) row.get("speaker")).isNotNull();
			assertThat(found.get("episodes").asLong()).isEqualTo(row.get("episodes"));
			assertThat(found.get("segments").asLong()).isEqualTo(row.get("segments"));
			assertThat(found.get("turns").asLong()).isBetween(1L, (Long) row.get("segments"));
		}
		var dean = findByName(speakers, "Dean Ball");
		assertThat(dean.get("episodes").asInt()).isEqualTo(1);
	}

	@Test
	void errorsAreProblemDetails() throws Exception {
		ingestFixture();

		for (var path : List.of("/api/v1/episodes/no-such-episode", "/api/v1/nothing-here",
				"/api/v1/episodes?since=yesterday", "/api/v1/episodes?page=abc", "/api/v1/episodes?size=1000",
				"/api/v1/search", "/api/v1/episodes?since=-999999999-01-01T00:00:00Z",
				"/api/v1/episodes?since=+999999999-12-31T23:59:59Z", "/api/v1/episodes?since=-4713-01-01")) {
			var response = this.mvc.perform(get(path)).andReturn().getResponse();
			assertThat(response.getContentType()).as(path).isEqualTo("application/problem+json");
			var problem = this.json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
			assertThat(problem.get("status").asInt()).as(path).isEqualTo(response.getStatus()).isIn(400, 404);
			assertThat(problem.get("title").asString()).isNotBlank();
		}
		var range = this.mvc.perform(get("/api/v1/episodes?since=-999999999-01-01T00:00:00Z"))
			.andReturn()
			.getResponse();
		assertThat(range.getStatus()).isEqualTo(400);
		assertThat(range.getContentAsString()).contains("between the years 1 and 9999");
		// through the real server too, where a browser's Accept would pick the HTML page
		var real = fetch("/api/v1/episodes/no-such-episode");
		assertThat(real.statusCode()).isEqualTo(404);
		assertThat(real.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void anyOriginMayReadTheApiAndTheFiles() throws Exception {
		ingestFixture();

		for (var path : List.of("/api/v1/episodes", "/episodes/" + DEAN_BALL + "/transcript.vtt",
				"/episodes/" + DEAN_BALL + "/chapters.json", "/feed.xml", "/opml.xml")) {
			var response = this.mvc.perform(get(path).header("Origin", "https://notes.example"))
				.andReturn()
				.getResponse();
			assertThat(response.getHeader("Access-Control-Allow-Origin")).as(path).isEqualTo("*");
		}
		var preflight = this.mvc
			.perform(options("/api/v1/episodes").header("Origin", "https://notes.example")
				.header("Access-Control-Request-Method", "GET"))
			.andReturn()
			.getResponse();
		assertThat(preflight.getStatus()).isEqualTo(200);
		assertThat(preflight.getHeader("Access-Control-Allow-Methods")).contains("GET");
		var page = this.mvc.perform(get("/episodes/" + DEAN_BALL).header("Origin", "https://notes.example"))
			.andReturn()
			.getResponse();
		assertThat(page.getHeader("Access-Control-Allow-Origin")).isNull();
	}

	private JsonNode json(String path) throws Exception {
		var result = get200(path);
		assertThat(result.getResponse().getContentType()).isEqualTo("application/json");
		return this.json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	private static List<String> names(JsonNode node) {
		return new ArrayList<>(node.propertyNames());
	}

	private static JsonNode findByName(JsonNode speakers, String name) {
		for (var speaker : speakers) {
			if (speaker.get("name").asString().equals(name)) {
				return speaker;
			}
		}
		throw new AssertionError(name);
	}

}
