package ai.interconnects.archive.api;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.zip.GZIPInputStream;

import ai.interconnects.archive.support.FormatsTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The people an episode names ({@code podcast:person}) in the JSON API and the export.
 */
class PersonsApiTests extends FormatsTestSupport {

	@Autowired
	JsonMapper json;

	@Test
	void theEpisodeDocumentListsItsPersonsInTheFeedsOrder() throws Exception {
		restore("persons-feed.xml");

		var episode = this.json.readTree(body("/api/v1/episodes/a-guest-joins"));

		var persons = episode.get("persons");
		assertThat(persons.size()).isEqualTo(3);
		assertThat(persons.get(1).toString()).isEqualTo(
				"{\"name\":\"Grace Guest\",\"role\":\"guest\",\"group\":\"cast\",\"img\":\"https://grace.example/me.png\",\"href\":\"https://grace.example/\"}");
		// absent values are null, never left out
		assertThat(persons.get(2).has("href")).isTrue();
		assertThat(persons.get(2).get("href").isNull()).isTrue();
		var spec = this.json.readTree(body("/api/v1/openapi.json"));
		assertThat(new HashSet<>(spec.get("components").get("schemas").get("Person").get("properties").propertyNames()))
			.isEqualTo(new HashSet<>(persons.get(1).propertyNames()));
	}

	@Test
	void anEpisodeWithoutPersonsHasAnEmptyList() throws Exception {
		ingestFixture();

		var episode = this.json.readTree(body("/api/v1/episodes/" + DEAN_BALL));

		assertThat(episode.get("persons").isArray()).isTrue();
		assertThat(episode.get("persons").size()).isZero();
	}

	@Test
	void theExportCarriesEachEpisodesPersons() throws Exception {
		restore("persons-feed.xml");

		var lines = new BufferedReader(new InputStreamReader(
				new GZIPInputStream(
						new ByteArrayInputStream(get200("/export.jsonl.gz").getResponse().getContentAsByteArray())),
				StandardCharsets.UTF_8))
			.lines()
			.map(this.json::readTree)
			.filter((line) -> line.get("type").asString().equals("episode"))
			.toList();

		assertThat(lines).hasSize(4);
		var bySlug = new java.util.HashMap<String, tools.jackson.databind.JsonNode>();
		lines.forEach((line) -> bySlug.put(line.get("slug").asString(), line));
		assertThat(bySlug.get("channel-persons-only").get("persons").findValuesAsString("name"))
			.containsExactly("Ada Host", "Pat Producer");
		assertThat(bySlug.get("a-guest-joins").get("persons").get(1).get("role").asString()).isEqualTo("guest");
		assertThat(bySlug.get("older-namespace-uri").get("persons").size()).isEqualTo(1);
	}

}
