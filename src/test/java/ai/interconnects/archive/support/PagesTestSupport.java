package ai.interconnects.archive.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

import ai.interconnects.archive.api.ArchiveImporter;
import ai.interconnects.archive.episode.ImportedEpisodes;
import ai.interconnects.archive.poll.PollRun;
import ai.interconnects.archive.poll.PollService;
import ai.interconnects.archive.show.ShowRows;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the reading-page and browser tests: one application context for all of them, on
 * a real port (error pages only render through the servlet container's error dispatch,
 * which MockMvc skips) with MockMvc beside it, Hibernate statistics on (to count queries)
 * and four episodes a page (so the eleven-episode fixture has three). The feed comes from
 * one loopback {@link FeedServer} that also serves test audio.
 */
@WithFeedServer
@ArchiveTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "archive.poll.enabled=false", "archive.pages.page-size=4",
				"spring.jpa.properties.hibernate.generate_statistics=true" })
@AutoConfigureMockMvc
public abstract class PagesTestSupport {

	protected static final FeedServer feeds = FeedServerExtension.server();

	protected static final byte[] FIXTURE = FeedServer.resource("/feeds/interconnects-feed.xml");

	protected static final String DEAN_BALL = "dean-ball-on-open-models-and-government-control";

	private static final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected PollService polls;

	@Autowired
	private ArchiveImporter importer;

	@Autowired
	private ShowRows shows;

	@Autowired
	private ImportedEpisodes episodes;

	@Autowired
	private PlatformTransactionManager transactions;

	@LocalServerPort
	protected int port;

	/** Empties the archive and stores {@code feed} with one successful poll. */
	protected void ingest(byte[] feed) {
		DatabaseCleaner.clean(this.jdbc);
		feeds.respond("/feed.xml", 200, feed, "Content-Type", "application/rss+xml; charset=utf-8");
		var run = this.polls.poll().orElseThrow();
		assertThat(run.getOutcome()).isEqualTo(PollRun.Outcome.SUCCESS);
		assertThat(run.getItemsFailed()).isZero();
	}

	/**
	 * Empties the archive and gives it the fixture feed's episodes, restored without a
	 * poll ({@link FixtureArchive}).
	 */
	protected void ingestFixture() {
		restore("interconnects-feed.xml");
	}

	/**
	 * Empties the archive and gives it what polling {@code feed} (a file name in
	 * {@link FixtureArchive#FEEDS}) stores, restored without a poll.
	 */
	protected void restore(String feed) {
		restore(feed, UnaryOperator.identity());
	}

	/** As {@link #restore(String)}, with the backup's text rewritten first. */
	protected void restore(String feed, UnaryOperator<String> rewrite) {
		FixtureArchive.restore(this.jdbc, this.importer, feeds.url("/feed.xml").toString(), feed, rewrite);
	}

	/** Writes test data without a feed or a poll ({@link TestArchive}). */
	protected TestArchive archive() {
		return new TestArchive(this.shows, this.episodes, this.transactions, this.jdbc);
	}

	/**
	 * Empties the archive and serves another show: the Podcasting 2.0 fixture, its file
	 * links pointing at the feed server, with episode three's JSON transcript. The caller
	 * serves any other file, then polls.
	 */
	protected void serveAnotherShow() {
		DatabaseCleaner.clean(this.jdbc);
		var feed = new String(FeedServer.resource("/feeds/podcasting20-feed.xml"), StandardCharsets.UTF_8)
			.replace("{{base}}", feeds.url("").toString());
		feeds.respond("/feed.xml", 200, feed.getBytes(StandardCharsets.UTF_8), "Content-Type", "application/rss+xml");
		feeds.respond("/files/ep3.json", 200, FeedServer.resource("/feeds/transcript-words.json"), "Content-Type",
				"application/json");
	}

	/**
	 * A library of two shows: the fixture's Interconnects, then the show of
	 * {@code fixture} (a file in {@code feeds/library/}) through the real poll.
	 */
	protected void twoShows(String fixture) {
		ingestFixture();
		LibraryShows.add(this.jdbc, this.polls, feeds, fixture);
	}

	/** The slug of the show titled {@code title}. */
	protected String showSlug(String title) {
		return this.jdbc.sql("select slug from podcast where title = ?").param(title).query(String.class).single();
	}

	/** A page that must answer 200, parsed with its own URL as the base of its links. */
	protected Document html(String path) {
		var response = fetch(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return Jsoup.parse(response.body(), url(path));
	}

	/** Where a path that must answer 301 moves to. */
	protected String location(String path) {
		var response = fetch(path);
		assertThat(response.statusCode()).as(path).isEqualTo(301);
		return response.headers().firstValue("Location").orElseThrow();
	}

	protected String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	/**
	 * A GET through the real server, error dispatch and filters included, accepting HTML
	 * as a browser does.
	 */
	protected HttpResponse<String> fetch(String path) {
		return fetch(path, new String[0]);
	}

	/** {@link #fetch(String)} with more request headers, as name-value pairs. */
	protected HttpResponse<String> fetch(String path, String... headers) {
		try {
			var request = HttpRequest.newBuilder(URI.create(url(path)))
				.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
			if (headers.length > 0) {
				request.headers(headers);
			}
			return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
