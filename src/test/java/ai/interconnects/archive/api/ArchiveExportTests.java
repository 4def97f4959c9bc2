package ai.interconnects.archive.api;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import ai.interconnects.archive.support.FormatsTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class ArchiveExportTests extends FormatsTestSupport {

	@Autowired
	JsonMapper json;

	@Test
	void theExportHasOneJsonLinePerEpisodeWithEverythingStored() throws Exception {
		ingestFixture();

		var result = get200("/export.jsonl.gz");

		assertThat(result.getResponse().getContentType()).isEqualTo("application/gzip");
		assertThat(result.getResponse().getHeader("Content-Disposition"))
			.matches("attachment; filename=\"interconnects-archive-\\d{4}-\\d{2}-\\d{2}\\.jsonl\\.gz\"");
		var lines = new BufferedReader(new InputStreamReader(
				new GZIPInputStream(new ByteArrayInputStream(result.getResponse().getContentAsByteArray())),
				StandardCharsets.UTF_8))
			.lines()
			.toList();
		assertThat(lines).hasSize(12);
		var show = this.json.readTree(lines.get(0));
		assertThat(show.get("type").asString()).isEqualTo("show");
		assertThat(show.get("format").asInt()).isEqualTo(1);
		assertThat(show.get("slug").asString()).isEqualTo("interconnects");
		assertThat(show.get("configuredUrl").asString()).isEqualTo(feeds.url("/feed.xml").toString());
		lines = lines.subList(1, lines.size());
		long segments = 0;
		long chapters = 0;
		for (var line : lines) {
			var episode = this.json.readTree(line);
			assertThat(episode.get("format").asInt()).isEqualTo(1);
			assertThat(episode.get("type").asString()).isEqualTo("episode");
			assertThat(episode.get("show").get("slug").asString()).isEqualTo("interconnects");
			var stored = this.jdbc
				.sql("select guid, title, raw_description, content_hash, updated_at from episode where slug = ?")
				.param(episode.get("slug").asString())
				.query()
				.singleRow();
			assertThat(episode.get("guid").asString()).isEqualTo(stored.get("guid"));
			assertThat(episode.get("title").asString()).isEqualTo(stored.get("title"));
			assertThat(episode.get("rawDescription").asString()).isEqualTo(stored.get("raw_description"));
			assertThat(episode.get("contentHash").asString()).isEqualTo(stored.get("content_hash"));
			segments += episode.get("segments").size();
			chapters += episode.get("chapters").size();
			if (episode.get("slug").asString().equals(DEAN_BALL)) {
				assertThat(episode.get("segments").size()).isEqualTo(55);
				assertThat(episode.get("segments").get(1).get("speaker").asString()).isEqualTo("Dean Ball");
				assertThat(episode.get("segments").get(1).get("startSeconds").asInt()).isEqualTo(72);
				assertThat(episode.get("chapters").size()).isEqualTo(5);
			}
		}
		assertThat(segments).isEqualTo(count("transcript_segment"));
		assertThat(chapters).isEqualTo(count("chapter"));
	}

	private long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
