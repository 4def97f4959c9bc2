package ai.interconnects.archive.poll;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import ai.interconnects.archive.episode.PublisherFileService;
import ai.interconnects.archive.support.ArchiveContents;
import ai.interconnects.archive.support.ArchiveTest;
import ai.interconnects.archive.support.DatabaseCleaner;
import ai.interconnects.archive.support.FeedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Podcasting 2.0 transcript and chapter files, fetched politely from the loopback server:
 * the best transcript of each item, once; a failing, slow or oversized file fails only
 * itself; a back catalogue is spread over polls.
 */
@ArchiveTest(properties = { "archive.poll.enabled=false", "archive.feed.read-timeout=1s", "archive.feed.deadline=4s",
		"archive.feed.max-body-size=64KB", "archive.feed.max-file-fetches-per-poll=3",
		"archive.feed.file-retry-after=0s" })
class PublisherFilesPollTests {

	static final FeedServer server = FeedServer.start();

	@DynamicPropertySource
	static void feed(DynamicPropertyRegistry registry) {
		registry.add("archive.feed.url", () -> server.url("/feed.xml").toString());
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Autowired
	PollService polls;

	@Autowired
	PublisherFileService files;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void clean() {
		DatabaseCleaner.clean(this.jdbc);
		server.reset();
		var feed = new String(FeedServer.resource("/feeds/podcasting20-feed.xml"), StandardCharsets.UTF_8)
			.replace("{{base}}", server.url("").toString());
		server.respond("/feed.xml", 200, feed.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/rss+xml");
		file("/files/ep3.json", "transcript-words.json", "application/json");
		file("/files/ep3-chapters.json", "chapters.json", "application/json+chapters");
		file("/files/ep2.html", "transcript.html", "text/html; charset=utf-8");
		file("/files/ep2-chapters.json", "chapters.json", "application/json");
	}

	@Test
	void theBestTranscriptAndTheChaptersFileOfEachItemAreFetchedOnceAcrossPolls() {
		var first = poll();
		var second = poll();

		assertThat(first.getOutcome()).isEqualTo(PollRun.Outcome.SUCCESS);
		assertThat(first.getMessage()).contains("3 fetched").contains("1 waiting for later polls");
		assertThat(second.getMessage()).contains("1 fetched");
		// JSON preferred over VTT and SRT; HTML over text
		assertThat(fileRequests()).containsExactlyInAnyOrder("/files/ep3.json", "/files/ep3-chapters.json",
				"/files/ep2.html", "/files/ep2-chapters.json");
		var three = episode("owk-3");
		assertThat(three).containsEntry("transcript_source", "FILE")
			.containsEntry("transcript_url", server.url("/files/ep3.json").toString())
			.containsEntry("transcript_type", "application/json")
			.containsEntry("chapters_source", "FILE");
		assertThat(this.jdbc.sql("""
				select start_seconds, end_seconds, speaker from transcript_segment
				where episode_id = ? order by position""").param(three.get("id")).query().listOfRows())
			.extracting((row) -> List.of(row.get("start_seconds"), row.get("end_seconds"), row.get("speaker")))
			.containsExactly(List.of(0, 5, "Nathan Lambert"), List.of(4, 6, "Dean Ball"),
					List.of(72, 76, "Nathan Lambert"));
		assertThat(this.jdbc.sql("""
				select title, start_seconds, end_seconds, url, image_url from chapter
				where episode_id = ? order by position""").param(three.get("id")).query().listOfRows())
			.extracting((row) -> row.get("title") + "|" + row.get("end_seconds") + "|" + row.get("url"))
			.containsExactly("Introductions|95|null", "Open models|null|https://example.org/open", "Policy|null|null");
		assertThat(episode("owk-2")).containsEntry("transcript_source", "FILE")
			.containsEntry("transcript_type", "text/html");
		assertThat(episode("owk-1")).containsEntry("chapters_source", "INLINE")
			.containsEntry("transcript_source", null);
	}

	@Test
	void aRepollOfAnUnchangedFeedMakesNoWritesAndFetchesNoFile() {
		// two polls fetch all four files (three a poll)
		poll();
		poll();
		var before = ArchiveContents.snapshot(this.jdbc);
		var fileRows = this.jdbc.sql("select * from episode_file order by id").query().listOfRows();
		int requestsBefore = server.requests().size();

		var again = poll();

		assertThat(again.getItemsUnchanged()).isEqualTo(3);
		assertThat(ArchiveContents.snapshot(this.jdbc)).isEqualTo(before);
		assertThat(this.jdbc.sql("select * from episode_file order by id").query().listOfRows()).isEqualTo(fileRows);
		assertThat(server.requests().subList(requestsBefore, server.requests().size()))
			.extracting(FeedServer.Recorded::path)
			.containsExactly("/feed.xml");
	}

	@Test
	void aFailingFileIsRecordedOnItsEpisodeAndRetriedWithoutFailingThePoll() {
		server.respond("/files/ep3.json", 500, "down".getBytes(StandardCharsets.UTF_8));

		var run = poll();

		assertThat(run.getOutcome()).isEqualTo(PollRun.Outcome.SUCCESS);
		assertThat(run.getMessage()).contains("1 failed");
		var failed = fileRow("owk-3", "TRANSCRIPT");
		assertThat(failed.get("failures")).isEqualTo(1);
		assertThat((String) failed.get("failure")).contains("HTTP 500");
		assertThat(episode("owk-3")).containsEntry("transcript_source", null);

		file("/files/ep3.json", "transcript-words.json", "application/json");
		poll();
		poll();

		assertThat(fileRow("owk-3", "TRANSCRIPT")).containsEntry("failures", 0).containsEntry("failure", null);
		assertThat(episode("owk-3")).containsEntry("transcript_source", "FILE");
	}

	@Test
	void aSlowFileTimesOutAndOnlyThatFileFails() {
		server.handle("/files/ep3.json", (exchange) -> {
			try {
				Thread.sleep(2500);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			FeedServer.send(exchange, 200, FeedServer.resource("/feeds/transcript-words.json"));
		});

		var run = poll();
		poll();

		assertThat(run.getOutcome()).isEqualTo(PollRun.Outcome.SUCCESS);
		assertThat((String) fileRow("owk-3", "TRANSCRIPT").get("failure")).containsIgnoringCase("no response");
		assertThat(fileRow("owk-2", "TRANSCRIPT")).containsEntry("failure", null);
		assertThat(episode("owk-2")).containsEntry("transcript_source", "FILE");
	}

	@Test
	void anOversizedFileIsAbortedAndRecorded() {
		server.respond("/files/ep3.json", 200, new byte[200 * 1024], "Content-Type", "application/json");

		var run = poll();

		assertThat(run.getOutcome()).isEqualTo(PollRun.Outcome.SUCCESS);
		assertThat((String) fileRow("owk-3", "TRANSCRIPT").get("failure")).contains("larger than the limit");
		assertThat(fileRow("owk-3", "TRANSCRIPT").get("body")).isNull();
	}

	@Test
	void aFileNotInItsDeclaredFormatIsKeptAndReported() {
		server.respond("/files/ep3.json", 200, "<html>Sorry</html>".getBytes(StandardCharsets.UTF_8));

		poll();

		var row = fileRow("owk-3", "TRANSCRIPT");
		assertThat((String) row.get("failure")).startsWith("Fetched but not readable");
		assertThat(row.get("body")).isEqualTo("<html>Sorry</html>");
		assertThat(episode("owk-3")).containsEntry("transcript_source", null);
	}

	@Test
	void aStoredFileIsRevalidatedConditionallyOnlyAfterTheRefreshInterval() {
		server.respond("/files/ep3.json", 200, FeedServer.resource("/feeds/transcript-words.json"), "Content-Type",
				"application/json", "ETag", "\"v1\"");
		poll();
		poll();
		long podcastId = this.jdbc.sql("select id from podcast").query(Long.class).single();
		var now = Instant.now();

		assertThat(this.files.dueFiles(podcastId, now, Duration.ofDays(1), Duration.ofHours(1), 10)).isEmpty();
		var tomorrow = this.files.dueFiles(podcastId, now.plus(Duration.ofHours(25)), Duration.ofDays(1),
				Duration.ofHours(1), 10);
		assertThat(tomorrow).hasSize(4)
			.filteredOn((file) -> file.url().endsWith("/files/ep3.json"))
			.singleElement()
			.satisfies((file) -> assertThat(file.etag()).isEqualTo("\"v1\""));
	}

	private PollRun poll() {
		return this.polls.poll().orElseThrow();
	}

	private static void file(String path, String fixture, String type) {
		server.respond(path, 200, FeedServer.resource("/feeds/" + fixture), "Content-Type", type);
	}

	private List<String> fileRequests() {
		return server.requests()
			.stream()
			.map(FeedServer.Recorded::path)
			.filter((path) -> path.startsWith("/files/"))
			.toList();
	}

	private Map<String, Object> episode(String guid) {
		return this.jdbc.sql(
				"select id, transcript_source, transcript_url, transcript_type, chapters_source from episode where guid = ?")
			.param(guid)
			.query()
			.singleRow();
	}

	private Map<String, Object> fileRow(String guid, String kind) {
		return this.jdbc.sql("""
				select f.* from episode_file f join episode e on e.id = f.episode_id
				where e.guid = ? and f.kind = ?""").param(guid).param(kind).query().singleRow();
	}

}
