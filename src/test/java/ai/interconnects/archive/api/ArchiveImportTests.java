package ai.interconnects.archive.api;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import ai.interconnects.archive.support.DatabaseCleaner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backup can be restored: export → import into an empty archive → export again gives
 * the same show and episode lines, and the same search rows as the poll wrote; importing
 * again changes nothing; an old export without show lines still imports.
 */
@ExtendWith(OutputCaptureExtension.class)
class ArchiveImportTests extends ImportTestSupport {

	@Test
	void anExportImportedIntoAnEmptyArchiveExportsTheSameLines() throws Exception {
		pollThreeShows();
		var before = export();
		var searchBefore = searchRows();
		assertThat(lines(before).stream().filter((l) -> l.get("type").asString().equals("show"))).hasSize(3);
		assertThat(count("transcript_segment")).isPositive();
		assertThat(this.jdbc.sql("select count(*) from chapter where url is not null or image_url is not null")
			.query(Long.class)
			.single()).as("the chapters file's links").isPositive();
		assertThat(this.jdbc.sql("select count(*) from transcript_segment where end_seconds is not null")
			.query(Long.class)
			.single()).as("the transcript file's end times").isPositive();
		assertThat(count("episode_person")).isPositive();

		DatabaseCleaner.clean(this.jdbc);
		var report = importBytes(before);

		assertThat(report.problems()).isEmpty();
		assertThat(report.complete()).isTrue();
		assertThat(report.showsCreated()).isEqualTo(3);
		assertThat(report.episodesNew()).isEqualTo(lines(before).size() - 3);
		var after = export();
		assertThat(withoutOrigin(lines(after))).isEqualTo(withoutOrigin(lines(before)));
		assertThat(lines(after).stream()
			.filter((l) -> l.get("type").asString().equals("show"))
			.map((l) -> l.get("origin").asString())).containsOnly("IMPORT");
		assertThat(searchRows()).isEqualTo(searchBefore);
	}

	@Test
	void importingTheSameBackupTwiceChangesNothing() throws Exception {
		pollThreeShows();
		var backup = export();
		DatabaseCleaner.clean(this.jdbc);
		importBytes(backup);
		var once = export();
		var rows = searchRows();

		var again = importBytes(backup);

		assertThat(again.problems()).isEmpty();
		assertThat(again.episodesNew()).isZero();
		assertThat(again.episodesEnriched()).isZero();
		assertThat(again.showsCreated()).isZero();
		assertThat(again.episodesKept()).isEqualTo(lines(backup).size() - 3);
		assertThat(lines(export())).isEqualTo(lines(once));
		assertThat(searchRows()).isEqualTo(rows);
	}

	@Test
	void importingIntoTheArchiveItCameFromKeepsEveryEpisodeOnce() throws Exception {
		pollThreeShows();
		var backup = export();
		long episodes = count("episode");

		var report = importBytes(backup);

		assertThat(report.problems()).isEmpty();
		assertThat(report.showsMatched()).isEqualTo(3);
		assertThat(report.episodesKept()).isEqualTo(episodes);
		assertThat(count("episode")).isEqualTo(episodes);
		assertThat(lines(export())).isEqualTo(lines(backup));
	}

	@Test
	void anOldExportWithoutShowLinesImportsEachEpisodeIntoTheShowOfItsFeed() throws Exception {
		ingestFixture();
		var backup = lines(export());
		var old = new StringBuilder();
		for (var line : backup) {
			if (line.get("type").asString().equals("episode")) {
				var episode = (ObjectNode) line.deepCopy();
				episode.remove(List.of("type", "show"));
				old.append(this.json.writeValueAsString(episode)).append('\n');
			}
		}
		DatabaseCleaner.clean(this.jdbc);

		var report = importBytes(old.toString().getBytes(StandardCharsets.UTF_8));

		assertThat(report.problems()).isEmpty();
		assertThat(report.showsCreated()).isEqualTo(1);
		assertThat(report.episodesNew()).isEqualTo(11);
		assertThat(this.jdbc.sql("select configured_url from podcast").query(String.class).single())
			.isEqualTo(feeds.url("/feed.xml").toString());
		assertThat(withoutShow(lines(export()))).isEqualTo(withoutShow(backup));
	}

	@Test
	void aPlainUncompressedBackupImportsLikeAGzippedOne() throws Exception {
		ingestFixture();
		var backup = export();
		DatabaseCleaner.clean(this.jdbc);
		var plain = new ByteArrayOutputStream();
		for (var line : lines(backup)) {
			plain.write((this.json.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
		}

		var report = importBytes(plain.toByteArray());

		assertThat(report.problems()).isEmpty();
		assertThat(report.episodesNew()).isEqualTo(11);
		assertThat(withoutOrigin(lines(export()))).isEqualTo(withoutOrigin(lines(backup)));
	}

	@Test
	void theStartupOptionImportsItsFileOnceAndLogsTheReport(CapturedOutput output) throws Exception {
		ingestFixture();
		var file = Files.createTempFile("backup-", ".jsonl.gz");
		try {
			Files.write(file, export());
			DatabaseCleaner.clean(this.jdbc);
			var startup = new ImportAtStartup(new ImportProperties(file, DataSize.ofMegabytes(32)), this.importer);

			startup.run(null);
			startup.run(null);

			assertThat(count("episode")).isEqualTo(11);
			assertThat(count("podcast")).isEqualTo(1);
			assertThat(output.getAll())
				.contains("Imported 12 lines: 1 shows new, 0 found (0 restored); 11 episodes new")
				.contains("Imported 12 lines: 0 shows new, 1 found (0 restored); 0 episodes new, 11 already here");
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	@Test
	void aRemovedShowTheBackupNamesIsRestoredWithItsEpisodes() throws Exception {
		ingestFixture();
		var backup = export();
		this.jdbc.sql("delete from episode").update();
		this.jdbc.sql("update podcast set removed_at = now()").update();

		var report = importBytes(backup);

		assertThat(report.showsRestored()).isEqualTo(1);
		assertThat(report.episodesNew()).isEqualTo(11);
		assertThat(this.jdbc.sql("select count(*) from podcast where removed_at is null").query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void anotherShowsEpisodesWithTheSameSlugsGetTheirOwn() throws Exception {
		ingestFixture();
		var other = new StringBuilder();
		var otherFeed = feeds.url("/other.xml").toString();
		for (var line : lines(export())) {
			var copy = (ObjectNode) line.deepCopy();
			if (copy.get("type").asString().equals("show")) {
				copy.put("slug", "other-show").put("configuredUrl", otherFeed).put("feedUrl", otherFeed);
			}
			else {
				((ObjectNode) copy.get("show")).put("slug", "other-show");
				copy.put("feedUrl", otherFeed);
			}
			other.append(this.json.writeValueAsString(copy)).append('\n');
		}

		var report = importBytes(other.toString().getBytes(StandardCharsets.UTF_8));

		assertThat(report.problems()).isEmpty();
		assertThat(report.showsCreated()).isEqualTo(1);
		assertThat(report.episodesNew()).isEqualTo(11);
		assertThat(this.jdbc
			.sql("select count(*) from episode e join podcast p on p.id = e.podcast_id "
					+ "where p.slug = 'other-show' and e.slug like '%-2'")
			.query(Long.class)
			.single()).isEqualTo(11);
	}

	/** Each episode's search document and terms, by slug: what search ranks with. */
	private List<Map<String, Object>> searchRows() {
		var documents = this.jdbc.sql("""
				select e.slug, d.title_length, d.chapter_length, d.notes_length, d.speech_length, d.chapter_units,
					d.speech_units,
					(select count(*) from search_term t where t.episode_id = e.id) as terms,
					(select coalesce(sum(t.title_tf + t.chapter_tf + t.notes_tf + t.speech_tf), 0)
						from search_term t where t.episode_id = e.id) as occurrences,
					(select count(*) from meaning_episode m where m.episode_id = e.id) as meaning_rows
				from episode e join search_document d on d.episode_id = e.id order by e.slug""").query().listOfRows();
		assertThat(documents).hasSize((int) count("episode"));
		return documents;
	}

	private static List<JsonNode> withoutOrigin(List<JsonNode> lines) {
		return lines.stream().map((line) -> {
			var copy = (ObjectNode) line.deepCopy();
			copy.remove("origin");
			return (JsonNode) copy;
		}).toList();
	}

	private static List<JsonNode> withoutShow(List<JsonNode> lines) {
		return lines.stream().filter((l) -> l.get("type").asString().equals("episode")).map((line) -> {
			var copy = (ObjectNode) line.deepCopy();
			copy.remove("show");
			return (JsonNode) copy;
		}).toList();
	}

	static byte[] gzip(byte[] bytes) throws Exception {
		var out = new ByteArrayOutputStream();
		try (var gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		return out.toByteArray();
	}

}
