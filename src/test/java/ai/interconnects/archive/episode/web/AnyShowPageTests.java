package ai.interconnects.archive.episode.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import ai.interconnects.archive.support.FeedServer;
import ai.interconnects.archive.support.PagesTestSupport;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The archive of another show names that show everywhere a reader, a link preview, a
 * search engine or an error page looks, never Interconnects; the default archive still
 * reads as it always has.
 */
class AnyShowPageTests extends PagesTestSupport {

	private static final String EPISODE = "/episodes/three-transcripts-one-chapters-file";

	/** Every public page, and the 404 page. */
	private static final List<String> PAGES = List.of("/", "/?page=2", "/chapters", EPISODE, EPISODE + "/transcript",
			EPISODE + "/chapters/1", EPISODE + "?t=0,2", EPISODE + "/transcript?t=0,2", "/speakers",
			"/speakers/nathan-lambert", "/search?q=welcome", "/search", "/admin", "/feed.xml", "/opml.xml",
			"/sitemap.xml", "/api/v1/openapi.json", "/no-such-page", "/episodes/no-such-episode");

	@Test
	void anotherShowsArchiveNeverSaysInterconnects() {
		ingestAnotherShow();
		assertThat(fetch("/").body()).contains("Open Weights Weekly archive");

		for (var path : PAGES) {
			var response = fetch(path);
			assertThat(response.statusCode()).as(path).isIn(200, 404);
			assertThat(response.body()).as(path).doesNotContainIgnoringCase("Interconnects");
		}
		var index = Jsoup.parse(fetch("/").body());
		assertThat(index.title()).isEqualTo("Open Weights Weekly archive: every episode, chapter and transcript");
		assertThat(index.selectFirst("meta[name=description]").attr("content"))
			.isEqualTo("Every episode of the Open Weights Weekly podcast with chapters and full transcripts.");
		assertThat(index.selectFirst("link[rel=alternate][type=application/rss+xml]").attr("title"))
			.isEqualTo("Open Weights Weekly archive (every episode)");
		assertThat(index.selectFirst(".site-footer p").text()).startsWith(
				"An unofficial archive of the Open Weights Weekly podcast. Audio and words belong to their authors.");
		assertThat(Jsoup.parse(fetch("/chapters").body()).selectFirst("meta[property=og:title]").attr("content"))
			.isEqualTo("Every chapter · Open Weights Weekly archive");
		assertThat(Jsoup.parse(fetch("/no-such-page").body()).title())
			.isEqualTo("Not found · Open Weights Weekly archive");
		assertThat(Jsoup.parse(fetch("/speakers").body()).title()).isEqualTo("Speakers · Open Weights Weekly archive");
		var quote = Jsoup.parse(fetch(EPISODE + "?t=0,2").body());
		assertThat(quote.selectFirst("meta[property=og:site_name]").attr("content"))
			.isEqualTo("Open Weights Weekly archive");
		assertThat(quote.selectFirst("meta[property=og:image]").attr("content")).contains("/quote.png?t=0,2");

		for (var error : tomcatErrors()) {
			assertThat(error).contains("Open Weights Weekly archive").doesNotContainIgnoringCase("Interconnects");
		}
	}

	@Test
	void theDefaultArchiveStillReadsAsInterconnects() {
		ingestFixture();
		var index = Jsoup.parse(fetch("/").body());

		assertThat(index.title()).isEqualTo("Interconnects archive: every episode, chapter and transcript");
		assertThat(index.selectFirst("meta[name=description]").attr("content"))
			.isEqualTo("Every episode of the Interconnects podcast with chapters and full transcripts.");
		assertThat(index.selectFirst("meta[property=og:title]").attr("content")).isEqualTo("Interconnects archive");
		assertThat(index.selectFirst("link[rel=alternate][type=application/rss+xml]").attr("title"))
			.isEqualTo("Interconnects archive (every episode)");
		assertThat(index.selectFirst(".site-title").text()).isEqualTo("◖◗ Interconnects archive");
		assertThat(index.selectFirst(".site-footer p").text())
			.startsWith("An unofficial archive of the Interconnects podcast by Nathan Lambert.");
		assertThat(Jsoup.parse(fetch("/chapters").body()).selectFirst("meta[name=description]").attr("content"))
			.isEqualTo("Every chapter of every Interconnects episode, each a link into the audio.");
		assertThat(Jsoup.parse(fetch("/no-such-page").body()).title()).isEqualTo("Not found · Interconnects archive");
		assertThat(Jsoup.parse(fetch("/speakers").body()).title()).isEqualTo("Speakers · Interconnects archive");
		for (var error : tomcatErrors()) {
			assertThat(error).contains("<title>Error 400 · Interconnects archive</title>");
		}
	}

	private void ingestAnotherShow() {
		serveAnotherShow();
		feeds.respond("/files/ep3-chapters.json", 200, FeedServer.resource("/feeds/chapters.json"), "Content-Type",
				"application/json+chapters");
		this.polls.poll().orElseThrow();
	}

	/**
	 * The pages Tomcat writes itself (a bad request line, a header over the limit) and
	 * the one for unreadable parameters, all 400.
	 */
	private List<String> tomcatErrors() {
		var tooManyParameters = IntStream.range(0, 1_100)
			.mapToObj((i) -> "p" + i + "=1")
			.collect(Collectors.joining("&"));
		return List.of(raw("GET /{bad} HTTP/1.1\r\nHost: 127.0.0.1\r\n"),
				raw("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Long: " + "a".repeat(20_000) + "\r\n"),
				raw("GET /?" + tooManyParameters + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
	}

	/** Sends a request as given (plus {@code Connection: close}); the 400 page's body. */
	private String raw(String requestHead) {
		try (var socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream()
				.write((requestHead + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
			var text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(text).as(requestHead.lines().findFirst().orElse("")).startsWith("HTTP/1.1 400");
			return text.substring(text.indexOf("\r\n\r\n") + 4);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
