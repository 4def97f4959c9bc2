package ai.interconnects.archive.poll;

import java.net.URISyntaxException;
import java.nio.file.Path;

import ai.interconnects.archive.support.ArchiveTest;
import ai.interconnects.archive.support.DatabaseCleaner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The offline import: {@code archive.feed.url=file:…}. */
@ArchiveTest
class FileImportTests {

	@DynamicPropertySource
	static void feed(DynamicPropertyRegistry registry) {
		registry.add("archive.feed.url", () -> fixturePath().toUri().toString());
	}

	@Autowired
	PollService polls;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void clean() {
		DatabaseCleaner.clean(this.jdbc);
	}

	@Test
	void aFileUrlImportsTheWholeFeed() {
		var run = this.polls.poll().orElseThrow();

		assertThat(run.getOutcome()).isEqualTo(PollRun.Outcome.SUCCESS);
		assertThat(run.getFeedUrl()).startsWith("file:");
		assertThat(this.jdbc.sql("select count(*) from episode").query(Long.class).single()).isEqualTo(11);
		assertThat(this.jdbc.sql("select count(*) from transcript_segment").query(Long.class).single()).isEqualTo(55);
	}

	@Test
	void aMissingFileIsARecordedFailure() {
		this.jdbc.sql("insert into podcast (configured_url, feed_url) values (?, ?)")
			.params(fixturePath().toUri().toString(), fixturePath().resolveSibling("missing.xml").toUri().toString())
			.update();

		var run = this.polls.poll().orElseThrow();

		assertThat(run.getOutcome()).isEqualTo(PollRun.Outcome.FAILED);
		assertThat(run.getMessage()).startsWith("Feed file not found");
	}

	static Path fixturePath() {
		try {
			return Path.of(FileImportTests.class.getResource("/feeds/interconnects-feed.xml").toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
