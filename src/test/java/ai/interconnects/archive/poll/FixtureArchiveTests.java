package ai.interconnects.archive.poll;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

import ai.interconnects.archive.support.FeedServer;
import ai.interconnects.archive.support.FixtureArchive;
import ai.interconnects.archive.support.PagesTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The page, API and syndication tests start from {@link FixtureArchive}'s backup instead
 * of polling the fixture feed; this test keeps that honest: polling the feed stores
 * exactly what the backup holds (the times the poll saw each episode aside). When ingest
 * changes on purpose, the poll's export is left in {@code target/} to replace the backup
 * with.
 */
class FixtureArchiveTests extends PagesTestSupport {

	private static final List<String> TIMES = List.of("firstSeenAt", "lastSeenAt", "updatedAt");

	private final JsonMapper json = JsonMapper.builder().build();

	@ParameterizedTest
	@FieldSource("ai.interconnects.archive.support.FixtureArchive#FEEDS")
	void pollingAFixtureFeedStoresWhatItsBackupHolds(String feed) throws Exception {
		ingest(FeedServer.resource("/feeds/" + feed));
		var export = new String(new GZIPInputStream(new ByteArrayInputStream(exported())).readAllBytes(),
				StandardCharsets.UTF_8)
			.replace(feeds.url("/feed.xml").toString(), FixtureArchive.FEED);
		var resource = FixtureArchive.backup(feed);
		var stored = FixtureArchiveTests.class.getResource(resource);
		var backup = (stored != null) ? new String(FeedServer.resource(resource), StandardCharsets.UTF_8) : "";
		if (!lines(export).equals(lines(backup))) {
			var actual = Path.of("target", "archives", resource.substring(resource.lastIndexOf('/') + 1));
			Files.createDirectories(actual.getParent());
			Files.writeString(actual, export);
			assertThat(lines(export))
				.as("polling feeds/" + feed + " stores something else than src/test/resources" + resource
						+ " holds; if ingest changed on purpose, replace it with " + actual)
				.isEqualTo(lines(backup));
		}
	}

	@Test
	void theRestoredArchiveHasTheFixturesEpisodesChaptersAndTranscripts() {
		ingestFixture();

		assertThat(count("episode")).isEqualTo(11);
		assertThat(count("chapter")).isPositive();
		assertThat(count("transcript_segment")).isPositive();
		// one show, the configured one: the pages are those of a one-show archive
		assertThat(this.jdbc.sql("select configured_url from podcast").query(String.class).list())
			.containsExactly(feeds.url("/feed.xml").toString());
		html("/episodes/" + DEAN_BALL);
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private byte[] exported() throws Exception {
		var response = this.mvc.perform(get("/export.jsonl.gz")).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsByteArray();
	}

	/** Each line as JSON without the times a poll sets, in the file's order. */
	private List<JsonNode> lines(String jsonl) {
		return jsonl.lines().filter((line) -> !line.isBlank()).map((line) -> {
			var node = (ObjectNode) this.json.readTree(line);
			TIMES.forEach(node::remove);
			return (JsonNode) node;
		}).toList();
	}

}
