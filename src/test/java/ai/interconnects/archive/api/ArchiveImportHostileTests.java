package ai.interconnects.archive.api;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import ai.interconnects.archive.support.DatabaseCleaner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backup that is damaged or hostile gets a clear report, line by line: what can be read
 * is imported, a line that cannot is named with its reason, and nothing of that line is
 * written.
 */
class ArchiveImportHostileTests extends ImportTestSupport {

	@Test
	void aFileThatIsNotABackupIsReportedLineByLineAndWritesNothing() {
		DatabaseCleaner.clean(this.jdbc);
		var junk = new byte[20_000];
		new Random(7).nextBytes(junk);

		var report = importBytes(junk);

		assertThat(report.problemCount()).isPositive();
		assertThat(report.problems()).allSatisfy((p) -> assertThat(p.reason()).startsWith("not a readable line"));
		assertThat(count("podcast")).isZero();
		assertThat(count("episode")).isZero();
	}

	@Test
	void aTruncatedGzipImportsEveryWholeLineBeforeTheCutAndSaysWhere() throws Exception {
		ingestFixture();
		var backup = export();
		DatabaseCleaner.clean(this.jdbc);

		var report = importBytes(Arrays.copyOf(backup, backup.length * 2 / 3));

		assertThat(report.complete()).isFalse();
		var last = report.problems().get(report.problems().size() - 1);
		assertThat(last.toString())
			.matches("The file could not be read after line \\d+ \\(.+\\); every line before it was imported");
		long read = Long.parseLong(last.reason().replaceAll("\\D*(\\d+).*", "$1"));
		assertThat(count("episode")).isEqualTo(read - 1).isPositive();
		assertThat(this.jdbc
			.sql("select count(*) from episode e where not exists "
					+ "(select 1 from search_document d where d.episode_id = e.id)")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aLineLongerThanTheLimitIsSkippedWithoutBeingHeld() throws Exception {
		var text = "{\"format\":1}\n" + "x".repeat(5000) + "\n{\"format\":1,\"type\":\"nothing\"}\n";
		try (var lines = ImportLines.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 1024)) {
			assertThat(lines.next().tooLong()).isFalse();
			var longLine = lines.next();
			assertThat(longLine.tooLong()).isTrue();
			assertThat(longLine.bytes()).isNull();
			assertThat(lines.next().number()).isEqualTo(3);
			assertThat(lines.next()).isNull();
		}
	}

	@Test
	void badLinesAreNamedWithTheirReasonAndTheOthersAreImported() throws Exception {
		ingestFixture();
		var good = lines(export());
		DatabaseCleaner.clean(this.jdbc);
		var file = new StringBuilder();
		file.append(this.json.writeValueAsString(good.get(0))).append('\n');
		file.append("{\"format\":1, \"type\":\"episode\", \"guid\": \n");
		file.append(this.json.writeValueAsString(good.get(1)).replace("\"format\":1", "\"format\":2")).append('\n');
		file.append("[1,2,3]\n");
		file.append(this.json.writeValueAsString(good.get(2)).replace("\"guid\":", "\"oldGuid\":")).append('\n');
		for (var line : good.subList(3, good.size())) {
			file.append(this.json.writeValueAsString(line)).append('\n');
		}

		var report = importBytes(ArchiveImportTests.gzip(file.toString().getBytes(StandardCharsets.UTF_8)));

		assertThat(report.complete()).isTrue();
		assertThat(report.problems()).extracting(ImportReport.Problem::line).containsExactly(2L, 3L, 4L, 5L);
		assertThat(report.problems().get(0).reason()).startsWith("not a readable line");
		assertThat(report.problems().get(1).reason()).isEqualTo("format 2 is not one this archive reads (1)");
		assertThat(report.problems().get(2).reason()).isEqualTo("not a JSON object");
		assertThat(report.problems().get(3).reason()).contains("guid");
		assertThat(report.episodesNew()).isEqualTo(good.size() - 3);
		assertThat(count("episode")).isEqualTo(good.size() - 3);
		assertThat(this.jdbc.sql("select count(*) from episode where slug = ?")
			.param(good.get(2).get("slug").asString())
			.query(Long.class)
			.single()).as("nothing of the line without a guid").isZero();
	}

	@Test
	void anOldExportsLineThatCannotBeStoredLeavesNoShowBehind() {
		DatabaseCleaner.clean(this.jdbc);
		var line = "{\"format\":1,\"feedUrl\":\"https://example.org/feed.xml\",\"title\":\"No GUID\"}\n";

		var report = importBytes(line.getBytes(StandardCharsets.UTF_8));

		assertThat(report.problems()).extracting(ImportReport.Problem::line).containsExactly(1L);
		assertThat(report.showsCreated()).isZero();
		assertThat(count("podcast")).isZero();
	}

}
