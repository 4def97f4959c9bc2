package ai.interconnects.archive.poll;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import ai.interconnects.archive.support.ArchiveContents;
import ai.interconnects.archive.support.ArchiveTest;
import ai.interconnects.archive.support.DatabaseCleaner;
import ai.interconnects.archive.support.FeedServer;
import ai.interconnects.archive.support.FeedServerExtension;
import ai.interconnects.archive.support.WithFeedServer;
import com.sun.net.httpserver.HttpHandler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The feed misbehaving in every way seen in the wild, served on loopback. For each: what
 * the run records, that the archive keeps everything it had (nothing lost, nothing
 * duplicated), and that the next good poll succeeds.
 */
@WithFeedServer
@ArchiveTest(properties = { "archive.poll.enabled=false", "archive.feed.read-timeout=1s", "archive.feed.deadline=4s",
		"archive.feed.max-body-size=400KB", "archive.poll.backoff-initial=1m", "archive.poll.backoff-max=1h" })
class PollFaultTests {

	static final FeedServer server = FeedServerExtension.server();

	static final String FIXTURE = new String(FeedServer.resource("/feeds/interconnects-feed.xml"),
			StandardCharsets.UTF_8);

	@Autowired
	PollService polls;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void archiveTheFixture() {
		DatabaseCleaner.clean(this.jdbc);
		server.reset();
		serveFixture();
		assertThat(poll().getOutcome()).isEqualTo(PollRun.Outcome.SUCCESS);
		server.reset();
	}

	@Test
	void http500IsRecordedAndBacksOff() {
		var run = failingPoll(status(500), 500, "HTTP 500 (internal server error)");

		assertThat(run.getHttpStatus()).isEqualTo(500);
		assertThat(podcastInt("consecutive_failures")).isOne();
		// about a minute (±20 % jitter) after the first failure
		assertThat(nextPollIn()).isBetween(Duration.ofSeconds(45), Duration.ofSeconds(75));
		failingPoll(status(500), 500, "HTTP 500");
		assertThat(nextPollIn()).isBetween(Duration.ofSeconds(90), Duration.ofSeconds(150));
		thenAGoodPollSucceeds();
		assertThat(podcastInt("consecutive_failures")).isZero();
		assertThat(nextPollIn()).isBetween(Duration.ofMinutes(29), Duration.ofMinutes(31));
	}

	@Test
	void http503WithRetryAfterIsHonoured() {
		failingPoll(status(503, "Retry-After", "600"), 503, "HTTP 503 (service unavailable)");

		assertThat(nextPollIn()).isBetween(Duration.ofSeconds(595), Duration.ofSeconds(605));
		thenAGoodPollSucceeds();
	}

	@Test
	void http429AskingForTooLongIsCappedAtADay() {
		failingPoll(status(429, "Retry-After", "9999999"), 429, "too many requests");

		assertThat(nextPollIn()).isBetween(Duration.ofHours(23), Duration.ofHours(24));
		thenAGoodPollSucceeds();
	}

	@Test
	void http403IsRecorded() {
		failingPoll(status(403), 403, "HTTP 403 (forbidden)");
		thenAGoodPollSucceeds();
	}

	@Test
	void aServerThatStallsPastTheReadTimeoutIsAbandoned() {
		var started = Instant.now();
		failingPoll((exchange) -> {
			exchange.sendResponseHeaders(200, 0);
			exchange.getResponseBody().write(FIXTURE.substring(0, 1000).getBytes(StandardCharsets.UTF_8));
			exchange.getResponseBody().flush();
			sleep(Duration.ofSeconds(6));
			exchange.close();
		}, null, "no data arrived");

		assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(4));
		thenAGoodPollSucceeds();
	}

	@Test
	void aServerThatNeverAnswersTimesOut() {
		failingPoll((exchange) -> {
			sleep(Duration.ofSeconds(6));
			exchange.close();
		}, null, "No response");
		thenAGoodPollSucceeds();
	}

	@Test
	void aSlowDripPastTheDeadlineIsAbandoned() {
		var started = Instant.now();
		failingPoll((exchange) -> {
			exchange.sendResponseHeaders(200, 0);
			var out = exchange.getResponseBody();
			for (int i = 0; i < 100; i++) {
				out.write("<!-- drip -->".getBytes(StandardCharsets.UTF_8));
				out.flush();
				sleep(Duration.ofMillis(200));
			}
			exchange.close();
		}, null, "deadline");

		assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(8));
		thenAGoodPollSucceeds();
	}

	@Test
	void aBodyOverTheSizeLimitIsAbortedWhileStreaming() {
		var sent = new long[1];
		failingPoll((exchange) -> {
			exchange.sendResponseHeaders(200, 0);
			var chunk = new byte[64 * 1024];
			try (var out = exchange.getResponseBody()) {
				// 50 MB offered; the client must stop long before
				for (int i = 0; i < 800; i++) {
					out.write(chunk);
					sent[0] += chunk.length;
				}
			}
		}, null, "larger than the limit");

		assertThat(sent[0]).isLessThan(50L * 1024 * 1024);
		thenAGoodPollSucceeds();
	}

	@Test
	void aGzipBombIsStoppedAtTheLimitToo() throws IOException {
		var zipped = new ByteArrayOutputStream();
		try (var gzip = new GZIPOutputStream(zipped)) {
			var zeros = new byte[1024 * 1024];
			for (int i = 0; i < 20; i++) {
				gzip.write(zeros);
			}
		}
		failingPoll(status(200, zipped.toByteArray(), "Content-Encoding", "gzip"), null, "larger than the limit");
		thenAGoodPollSucceeds();
	}

	@Test
	void aGzippedFeedIsDecoded() throws IOException {
		var zipped = new ByteArrayOutputStream();
		try (var gzip = new GZIPOutputStream(zipped)) {
			gzip.write(FIXTURE.getBytes(StandardCharsets.UTF_8));
		}
		server.respond("/feed.xml", 200, zipped.toByteArray(), "Content-Encoding", "gzip");

		var run = poll();

		assertThat(run.getOutcome()).isEqualTo(PollRun.Outcome.SUCCESS);
		assertThat(run.getItemsUnchanged()).isEqualTo(11);
		assertThat(server.requests().get(0).headers().getFirst("Accept-Encoding")).isEqualTo("gzip");
		assertThat(server.requests().get(0).headers().getFirst("User-Agent")).contains("InterconnectsArchive")
			.contains("+http");
	}

	@Test
	void anHtmlPageInsteadOfTheFeedIsRecognised() {
		failingPoll(status(200,
				"<!DOCTYPE html><html><body>Cloudflare says no</body></html>".getBytes(StandardCharsets.UTF_8),
				"Content-Type", "text/html"), 200, "HTML page, not an RSS feed");
		thenAGoodPollSucceeds();
	}

	@Test
	void xmlCutOffBeforeAnyItemIsRecorded() {
		int firstItem = FIXTURE.indexOf("<item>");
		failingPoll(status(200, FIXTURE.substring(0, firstItem - 10).getBytes(StandardCharsets.UTF_8)), 200,
				"not valid RSS/XML");
		thenAGoodPollSucceeds();
	}

	@Test
	void anXxeFeedIsRefusedWithoutReadingTheFile() {
		var xxe = """
				<?xml version="1.0"?>
				<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>
				<rss version="2.0"><channel><title>x</title><item><title>&xxe;</title><guid>xxe</guid></item></channel></rss>
				""";
		failingPoll(status(200, xxe.getBytes(StandardCharsets.UTF_8)), 200, "DOCTYPE");
		assertThat(this.jdbc.sql("select count(*) from episode where guid = 'xxe'").query(Long.class).single())
			.isZero();
		thenAGoodPollSucceeds();
	}

	@Test
	void aBillionLaughsFeedIsRefused() {
		var lol = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
		for (int i = 1; i < 10; i++) {
			lol.append("<!ENTITY lol")
				.append(i)
				.append(" \"")
				.append(("&lol" + (i - 1) + ";").repeat(10))
				.append("\">");
		}
		lol.append("]><rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>");
		failingPoll(status(200, lol.toString().getBytes(StandardCharsets.UTF_8)), 200, "DOCTYPE");
		thenAGoodPollSucceeds();
	}

	@Test
	void notModifiedIsACheapSuccessfulPoll() {
		server.respond("/feed.xml", 200, FIXTURE.getBytes(StandardCharsets.UTF_8), "ETag", "\"v1\"", "Last-Modified",
				"Fri, 20 Nov 2026 09:00:00 GMT");
		poll();
		server.reset();
		server.handle("/feed.xml", (exchange) -> {
			boolean matches = "\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"));
			FeedServer.send(exchange, matches ? 304 : 200, FIXTURE.getBytes(StandardCharsets.UTF_8));
		});

		var run = poll();

		assertThat(run.getOutcome()).isEqualTo(PollRun.Outcome.NOT_MODIFIED);
		assertThat(run.getHttpStatus()).isEqualTo(304);
		var request = server.requests().get(0).headers();
		assertThat(request.getFirst("If-None-Match")).isEqualTo("\"v1\"");
		assertThat(request.getFirst("If-Modified-Since")).isEqualTo("Fri, 20 Nov 2026 09:00:00 GMT");
		assertThat(count("episode")).isEqualTo(11);
	}

	@Test
	void a304FromAServerThatGaveNoValidatorsChangesNothing() {
		server.respond("/feed.xml", 304, null);

		var run = poll();

		assertThat(run.getOutcome()).isEqualTo(PollRun.Outcome.NOT_MODIFIED);
		assertThat(server.requests().get(0).headers().getFirst("If-None-Match")).isNull();
		assertThat(count("episode")).isEqualTo(11);
		assertThat(count("transcript_segment")).isEqualTo(55);
	}

	@Test
	void validatorsAreLeftOutOnceADaySoWrongOnesCannotHideUpdates() {
		server.respond("/feed.xml", 200, FIXTURE.getBytes(StandardCharsets.UTF_8), "ETag", "\"stuck\"");
		poll();
		poll();
		assertThat(server.requests().get(1).headers().getFirst("If-None-Match")).isEqualTo("\"stuck\"");
		this.jdbc.sql("update podcast set last_unconditional_at = now() - interval '25 hours'").update();

		poll();

		assertThat(server.requests().get(2).headers().getFirst("If-None-Match")).isNull();
	}

	@Test
	void aPermanentRedirectChainIsFollowedAndStoredOnceConfirmed() {
		server.respond("/feed.xml", 301, null, "Location", "/moved-once.xml");
		server.respond("/moved-once.xml", 308, null, "Location", server.url("/new-home.xml").toString());
		server.respond("/new-home.xml", 200, FIXTURE.getBytes(StandardCharsets.UTF_8));

		var first = poll();
		assertThat(first.getOutcome()).isEqualTo(PollRun.Outcome.SUCCESS);
		assertThat(first.getMessage()).contains("Permanently redirected").contains("1 of 2");
		assertThat(podcastString("feed_url")).endsWith("/feed.xml");

		var second = poll();
		assertThat(second.getMessage()).startsWith("Feed URL changed to");
		assertThat(podcastString("feed_url")).isEqualTo(server.url("/new-home.xml").toString());

		server.reset();
		server.respond("/new-home.xml", 200, FIXTURE.getBytes(StandardCharsets.UTF_8));
		assertThat(poll().getOutcome()).isEqualTo(PollRun.Outcome.SUCCESS);
		assertThat(server.requests()).extracting(FeedServer.Recorded::path).containsExactly("/new-home.xml");
		assertThat(count("episode")).isEqualTo(11);
	}

	@Test
	void aTemporaryRedirectIsFollowedButNotStored() {
		server.respond("/feed.xml", 302, null, "Location", "/elsewhere.xml");
		server.respond("/elsewhere.xml", 200, FIXTURE.getBytes(StandardCharsets.UTF_8));

		poll();
		poll();

		assertThat(podcastString("feed_url")).endsWith("/feed.xml");
		assertThat(podcastString("redirect_candidate_url")).isNull();
	}

	@Test
	void aRedirectLoopIsReported() {
		server.respond("/feed.xml", 301, null, "Location", "/b.xml");
		server.respond("/b.xml", 302, null, "Location", "/feed.xml");

		var run = poll();

		assertThat(run.getOutcome()).isEqualTo(PollRun.Outcome.FAILED);
		assertThat(run.getMessage()).startsWith("Redirect loop");
		thenAGoodPollSucceeds();
	}

	@Test
	void goneStopsPollingButKeepsTheArchive() {
		failingPoll(status(410), 410, "gone");

		assertThat(podcastString("status")).isEqualTo("GONE");
		assertThat(this.polls.isDue()).isFalse();
		assertThat(count("episode")).isEqualTo(11);
	}

	@Test
	void aFeedWhoseGuidsAllChangedIsNotDuplicated() {
		server.respond("/feed.xml", 200,
				FIXTURE.replace("substack:post:", "substack:episode:").getBytes(StandardCharsets.UTF_8));

		var run = poll();

		assertThat(run.getItemsNew()).isZero();
		assertThat(run.getItemsUpdated()).isEqualTo(11);
		assertThat(count("episode")).isEqualTo(11);
		assertThat(this.jdbc.sql("select count(*) from episode where guid like 'substack:episode:%'")
			.query(Long.class)
			.single()).isEqualTo(11);
		assertThat(this.jdbc.sql("select count(*) from episode_revision where changed_fields = 'guid'")
			.query(Long.class)
			.single()).isEqualTo(11);
		assertThat(count("transcript_segment")).isEqualTo(55);
	}

	@Test
	void aGuidChangeWithTheSameLinkButNewAudioIsStillTheSameEpisode() {
		server.respond("/feed.xml", 200,
				FIXTURE.replace("substack:post:190015838", "renamed-guid")
					.replace("0556b78f48da290fb9b303771b09c946.mp3", "re-encoded.mp3")
					.getBytes(StandardCharsets.UTF_8));

		poll();

		assertThat(count("episode")).isEqualTo(11);
		assertThat(this.jdbc.sql("select changed_fields from episode_revision").query(String.class).single())
			.isEqualTo("guid,enclosure");
	}

	@Test
	void aFeedThatDropsATranscriptKeepsTheArchivedOne() {
		var withoutTranscript = FIXTURE.replaceAll("(?s)<h3>Transcript</h3>.*?(<p>This is a public episode)", "$1");
		assertThat(withoutTranscript).isNotEqualTo(FIXTURE);
		server.respond("/feed.xml", 200, withoutTranscript.getBytes(StandardCharsets.UTF_8));

		var run = poll();

		assertThat(run.getItemsUpdated()).isOne();
		assertThat(count("transcript_segment")).isEqualTo(55);
		assertThat(count("chapter")).isEqualTo(5);
		assertThat(this.jdbc.sql("select old_raw_description from episode_revision").query(String.class).single())
			.contains("<h3>Transcript</h3>");
	}

	@Test
	void theSameGuidTwiceInOneFeedIsStoredOnce() {
		int start = FIXTURE.indexOf("<item>");
		int end = FIXTURE.indexOf("</item>") + "</item>".length();
		var doubled = FIXTURE.substring(0, end) + FIXTURE.substring(start, end) + FIXTURE.substring(end);
		DatabaseCleaner.clean(this.jdbc);
		server.respond("/feed.xml", 200, doubled.getBytes(StandardCharsets.UTF_8));

		var run = poll();

		assertThat(run.getItemsNew()).isEqualTo(11);
		assertThat(count("episode")).isEqualTo(11);
	}

	@Test
	void anItemWithoutAudioIsKept() {
		server.respond("/feed.xml", 200,
				FIXTURE.replaceFirst("<enclosure [^>]*/>", "").getBytes(StandardCharsets.UTF_8));

		var run = poll();

		assertThat(run.getItemsUpdated()).isOne();
		assertThat(this.jdbc.sql("select count(*) from episode where audio_url is null").query(Long.class).single())
			.isOne();
		assertThat(count("episode")).isEqualTo(11);
	}

	/** Polls with the handler in place and checks that nothing stored changed. */
	private PollRun failingPoll(HttpHandler handler, Integer status, String message) {
		var before = snapshot();
		server.handle("/feed.xml", handler);

		var run = poll();

		assertThat(run.getOutcome()).isEqualTo(PollRun.Outcome.FAILED);
		assertThat(run.getHttpStatus()).isEqualTo(status);
		assertThat(run.getMessage()).containsIgnoringCase(message);
		assertThat(run.getFinishedAt()).isNotNull();
		assertThat(snapshot()).isEqualTo(before);
		return run;
	}

	private void thenAGoodPollSucceeds() {
		server.reset();
		serveFixture();
		var run = poll();
		assertThat(run.getOutcome()).isEqualTo(PollRun.Outcome.SUCCESS);
		assertThat(run.getItemsUnchanged()).isEqualTo(11);
		assertThat(count("episode")).isEqualTo(11);
		assertThat(count("transcript_segment")).isEqualTo(55);
	}

	private static void serveFixture() {
		server.respond("/feed.xml", 200, FIXTURE.getBytes(StandardCharsets.UTF_8), "Content-Type",
				"application/rss+xml; charset=utf-8");
	}

	private static HttpHandler status(int status, String... headers) {
		return status(status, null, headers);
	}

	private static HttpHandler status(int status, byte[] body, String... headers) {
		return (exchange) -> FeedServer.send(exchange, status, body, headers);
	}

	private PollRun poll() {
		return this.polls.poll().orElseThrow();
	}

	private Duration nextPollIn() {
		var next = this.jdbc.sql("select next_poll_at from podcast").query(Instant.class).single();
		return Duration.between(Instant.now(), next);
	}

	private int podcastInt(String column) {
		return this.jdbc.sql("select " + column + " from podcast").query(Integer.class).single();
	}

	private String podcastString(String column) {
		return this.jdbc.sql("select " + column + " from podcast").query(String.class).optional().orElse(null);
	}

	private long count(String table) {
		return ArchiveContents.count(this.jdbc, table);
	}

	private List<Object> snapshot() {
		return ArchiveContents.snapshot(this.jdbc);
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
