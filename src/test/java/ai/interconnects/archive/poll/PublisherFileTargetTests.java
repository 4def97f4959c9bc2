package ai.interconnects.archive.poll;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ai.interconnects.archive.support.ArchiveTest;
import ai.interconnects.archive.support.DatabaseCleaner;
import ai.interconnects.archive.support.FeedServer;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A public feed cannot make the archive fetch a private address through the transcript
 * and chapter files it links.
 * <p>
 * The other poll tests serve their feed from the loopback server, and a configured feed
 * on an internal address is what relaxes {@code FetchTargetPolicy} (the operator chose
 * it). Here the configured feed is a {@code file:} URL, which has no host and relaxes
 * nothing, so the real check, with the system's DNS, judges every file URL. The files
 * point at a live loopback server that would hand out a secret: were one of them fetched,
 * the server would see the request and the secret would be stored.
 */
@ExtendWith(OutputCaptureExtension.class)
@AutoConfigureMockMvc
@ArchiveTest(properties = { "archive.poll.enabled=false", "archive.feed.connect-timeout=1s",
		"archive.feed.read-timeout=1s", "archive.feed.deadline=3s", "archive.feed.max-file-fetches-per-poll=20" })
class PublisherFileTargetTests {

	private static final String SECRET = "internal-service-secret-7f3a";

	static final FeedServer internal = FeedServer.start();

	static final Path feed = writeFeed();

	@DynamicPropertySource
	static void feed(DynamicPropertyRegistry registry) {
		registry.add("archive.feed.url", () -> feed.toUri().toString());
	}

	@AfterAll
	static void stop() throws IOException {
		internal.close();
		Files.deleteIfExists(feed);
	}

	@Autowired
	PollService polls;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void filesOnInternalAddressesAreRefusedRecordedAndNeverRequested(CapturedOutput output) throws Exception {
		DatabaseCleaner.clean(this.jdbc);
		internal.reset();
		for (var path : List.of("/loopback.vtt", "/by-name.vtt", "/mapped.vtt", "/v6.json", "/decimal.vtt",
				"/any.json")) {
			internal.respond(path, 200,
					("WEBVTT\n\n00:00.000 --> 00:05.000\n" + SECRET).getBytes(StandardCharsets.UTF_8), "Content-Type",
					"text/vtt");
		}

		var run = this.polls.poll().orElseThrow();

		assertThat(run.getOutcome()).isEqualTo(PollRun.Outcome.SUCCESS);
		assertThat(run.getItemsNew()).isEqualTo(4);
		assertThat(run.getMessage()).contains("0 fetched").contains("8 failed");
		assertThat(internal.requests()).isEmpty();
		var files = this.jdbc.sql("""
				select e.guid, f.kind, f.url, f.failure, f.failures, f.body, f.fetched_at from episode_file f
				join episode e on e.id = f.episode_id order by e.guid, f.kind""").query().listOfRows();
		assertThat(files).hasSize(8).allSatisfy((file) -> {
			assertThat((String) file.get("failure")).as("%s", file.get("url"))
				.startsWith("Refused to fetch " + file.get("url"))
				.contains("a loopback, private, link-local or otherwise internal address");
			assertThat(file.get("failures")).isEqualTo(1);
			assertThat(file.get("body")).isNull();
			assertThat(file.get("fetched_at")).isNull();
		});
		assertThat(files).extracting((file) -> (String) file.get("failure"))
			.anyMatch((failure) -> failure.contains("resolves to 169.254.169.254"))
			.anyMatch((failure) -> failure.contains("resolves to 10.0.0.1"))
			.anyMatch((failure) -> failure.startsWith("Refused to fetch http://localhost:"));
		assertThat(this.jdbc
			.sql("select count(*) from episode where transcript_source is not null" + " or chapters_source is not null")
			.query(Long.class)
			.single()).isZero();

		for (var slug : this.jdbc.sql("select slug from episode").query(String.class).list()) {
			for (var page : List.of("", "/transcript")) {
				var body = this.mvc.perform(get("/episodes/" + slug + page))
					.andReturn()
					.getResponse()
					.getContentAsString(StandardCharsets.UTF_8);
				assertThat(body).doesNotContain(SECRET);
			}
		}
		assertThat(output.getAll()).doesNotContain(SECRET).contains("Refused to fetch");
	}

	@Test
	void aRefusedTranscriptIsNeitherLinkedNorPromisedAndItsAddressIsNotShown() throws Exception {
		DatabaseCleaner.clean(this.jdbc);
		internal.reset();
		this.polls.poll();
		int port = internal.url("/").getPort();

		for (var slug : this.jdbc.sql("select slug from episode").query(String.class).list()) {
			var body = this.mvc.perform(get("/episodes/" + slug + "/transcript"))
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			var page = Jsoup.parse(body);
			assertThat(page.selectFirst(".empty-archive").text()).as(slug)
				.contains("The publisher’s transcript of this episode could not be read: "
						+ "its address is not a public web address.")
				.doesNotContain("has not read it yet")
				.doesNotContain("try again");
			assertThat(page.select(".empty-archive a").eachAttr("href")).as(slug).containsExactly("/episodes/" + slug);
			assertThat(body).as(slug)
				.doesNotContain(":" + port + "/")
				.doesNotContain("169.254.169.254")
				.doesNotContain("10.0.0.1")
				.doesNotContain("Refused");
		}
	}

	@Test
	void aStoredFileUrlThatIsNotHttpIsNeverReadFromDisk() {
		DatabaseCleaner.clean(this.jdbc);
		internal.reset();
		this.polls.poll();
		// the parser keeps only http(s) links; a row from anywhere else is still refused
		this.jdbc.sql("update episode_file set url = ?, last_attempt_at = null, failures = 0, failure = null")
			.param(feed.toUri().toString())
			.update();

		var run = this.polls.poll().orElseThrow();

		assertThat(run.getOutcome()).isEqualTo(PollRun.Outcome.SUCCESS);
		assertThat(this.jdbc.sql("select failure from episode_file").query(String.class).list()).hasSize(8)
			.allMatch((failure) -> failure.contains("Not an http(s) URL"));
		assertThat(this.jdbc.sql("select count(*) from episode_file where body is not null").query(Long.class).single())
			.isZero();
	}

	/**
	 * Four items, each linking a transcript and a chapters file on an internal address:
	 * loopback as a literal, by name, IPv4-mapped IPv6 and in decimal, "any" (which
	 * reaches this machine), the private network, IPv6 loopback and the cloud metadata
	 * endpoint.
	 */
	private static Path writeFeed() {
		int port = internal.url("/").getPort();
		var items = new StringBuilder();
		String[][] targets = {
				{ "http://127.0.0.1:" + port + "/loopback.vtt", "http://169.254.169.254/latest/meta-data/" },
				{ "http://localhost:" + port + "/by-name.vtt", "http://10.0.0.1/chapters.json" },
				{ "http://[::ffff:127.0.0.1]:" + port + "/mapped.vtt", "http://[::1]:" + port + "/v6.json" },
				{ "http://2130706433:" + port + "/decimal.vtt", "http://0.0.0.0:" + port + "/any.json" } };
		for (int i = 0; i < targets.length; i++) {
			items.append("""
					<item>
					  <title>Episode %1$d</title>
					  <guid isPermaLink="false">internal-%1$d</guid>
					  <pubDate>Mon, 0%1$d Mar 2026 10:00:00 +0000</pubDate>
					  <enclosure url="https://podcast.example/%1$d.mp3" type="audio/mpeg" length="1000"/>
					  <description>Notes of episode %1$d.</description>
					  <podcast:transcript url="%2$s" type="text/vtt"/>
					  <podcast:chapters url="%3$s" type="application/json+chapters"/>
					</item>
					""".formatted(i + 1, targets[i][0], targets[i][1]));
		}
		var xml = """
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0">
				<channel>
				  <title>A public show</title>
				  <link>https://podcast.example/</link>
				  <description>Its files point inside.</description>
				%s</channel>
				</rss>
				""".formatted(items);
		try {
			var path = Files.createTempFile("public-feed", ".xml");
			Files.writeString(path, xml);
			return path;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
