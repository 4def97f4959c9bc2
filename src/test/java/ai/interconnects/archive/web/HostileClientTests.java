package ai.interconnects.archive.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import ai.interconnects.archive.support.ArchiveTest;
import ai.interconnects.archive.support.PagesTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a hostile or broken client gets, through the real server on loopback: Tomcat's
 * limits answered with the archive's page and headers, no stack traces in the log, no
 * sessions for readers, and no absolute URL taken from the Host header.
 */
@ArchiveTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "archive.poll.enabled=false", "archive.admin.password=" + HostileClientTests.PASSWORD,
				"archive.public-url=https://archive.example.org", "server.forward-headers-strategy=native",
				"archive.clients.trusted-proxies=127.0.0.1" })
@ExtendWith(OutputCaptureExtension.class)
class HostileClientTests extends PagesTestSupport {

	static final String PASSWORD = "correct horse battery staple";

	private static final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void aQueryStringOverTheHeaderLimitGetsTheFriendlyPageWithSecurityHeaders() {
		// Tomcat's page names the site as the last page read it
		ingestFixture();
		fetch("/");
		var response = raw("GET /search?q=" + "a".repeat(9_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");

		assertThat(response.status()).isIn(400, 414);
		assertThat(response.head())
			.contains("Content-Security-Policy: " + SecurityHeadersFilter.CONTENT_SECURITY_POLICY)
			.contains("X-Content-Type-Options: nosniff");
		assertThat(response.body()).contains("Interconnects archive")
			.contains("Back to the archive")
			.doesNotContain("Apache Tomcat")
			.doesNotContain("HTTP Status");
	}

	@Test
	void aLongSearchQueryWithinTheLimitStillWorks() {
		// search cuts queries to 200 characters; a pasted paragraph must still arrive
		var response = fetch("/search?q=" + "open+models+".repeat(400));
		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void tooManyParametersGetA400WithAtMostOneShortLogLine(CapturedOutput output) throws Exception {
		var query = IntStream.range(0, 1_100).mapToObj((i) -> "p" + i + "=1").collect(Collectors.joining("&"));
		var request = HttpRequest.newBuilder(URI.create(url("/?" + query))).GET().build();
		int before = output.getAll().length();

		for (int i = 0; i < 2_000; i++) {
			var response = client.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(400);
			if (i == 0) {
				assertThat(response.body()).contains("Back to the archive");
				assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
			}
		}

		var logged = output.getAll().substring(before);
		assertThat(logged).doesNotContain("Exception\n").doesNotContain("\tat ");
		assertThat(logged.lines().filter((line) -> line.contains("parameters could not be read")).count())
			.isLessThanOrEqualTo(1);
		assertThat(logged.length()).isLessThan(2_000);
	}

	@Test
	void unacceptableAcceptHeadersAreAnsweredWithoutALogLineEach(CapturedOutput output) throws Exception {
		int before = output.getAll().length();
		for (int i = 0; i < 50; i++) {
			var response = client.send(
					HttpRequest.newBuilder(URI.create(url("/api/v1/episodes"))).header("Accept", "image/gif").build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(406);
		}
		var logged = output.getAll().substring(before);
		assertThat(logged).doesNotContain("HttpMediaTypeNotAcceptableException").doesNotContain(" WARN ");
	}

	@Test
	void readersAndTheLoginFormGetNoSessionOnlyASuccessfulSignInDoes() throws Exception {
		ingestFixture();
		for (var path : new String[] { "/", "/chapters", "/episodes/" + DEAN_BALL, "/search?q=models", "/admin",
				"/admin/login", "/no/such/page" }) {
			var response = client.send(
					HttpRequest.newBuilder(URI.create(url(path))).header("Accept", "text/html").build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.headers().allValues("Set-Cookie")).as(path)
				.noneMatch((cookie) -> cookie.startsWith("JSESSIONID"));
		}

		var form = client.send(HttpRequest.newBuilder(URI.create(url("/admin/login"))).build(),
				HttpResponse.BodyHandlers.ofString());
		var csrfCookie = form.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith("XSRF-TOKEN="))
			.findFirst()
			.orElseThrow();
		assertThat(csrfCookie).contains("SameSite=Lax").contains("HttpOnly");
		var matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
		assertThat(matcher.find()).isTrue();
		var signIn = client.send(HttpRequest.newBuilder(URI.create(url("/admin/login")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", csrfCookie.substring(0, csrfCookie.indexOf(';')))
			.header("X-Forwarded-Proto", "https")
			.POST(HttpRequest.BodyPublishers
				.ofString("username=admin&password=" + PASSWORD.replace(" ", "+") + "&_csrf=" + matcher.group(1)))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(signIn.statusCode()).isEqualTo(302);
		assertThat(signIn.headers().firstValue("Location")).hasValue("/admin");
		assertThat(signIn.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("JSESSIONID=")
				.contains("HttpOnly")
				.contains("SameSite=Lax")
				.contains("Secure"));
	}

	@Test
	void absoluteUrlsComeFromTheConfiguredPublicUrlNeverFromTheHostHeader() {
		ingestFixture();
		var page = raw("GET /episodes/" + DEAN_BALL + " HTTP/1.1\r\nHost: evil.example\r\n");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body())
			.contains("<link rel=\"canonical\" href=\"https://archive.example.org/episodes/" + DEAN_BALL + "\">")
			.contains("content=\"https://archive.example.org/episodes/" + DEAN_BALL + "\"")
			.doesNotContain("evil.example");

		// the machine-readable outputs carry absolute URLs too: a cache in front of the
		// archive must never store a feed or sitemap pointing elsewhere
		for (var path : List.of("/feed.xml", "/opml.xml", "/sitemap.xml", "/api/v1/episodes",
				"/episodes/" + DEAN_BALL + "/chapters.json", "/episodes/" + DEAN_BALL + "/transcript")) {
			var response = raw("GET " + path + " HTTP/1.1\r\nHost: evil.example\r\n");
			assertThat(response.status()).as(path).isEqualTo(200);
			assertThat(response.body()).as(path)
				.contains("https://archive.example.org/")
				.doesNotContain("evil.example");
		}

		var login = raw("GET /admin HTTP/1.1\r\nHost: evil.example\r\nAccept: text/html\r\n");
		assertThat(login.status()).isEqualTo(302);
		assertThat(login.head()).contains("Location: /admin/login").doesNotContain("evil.example");
	}

	/** Sends a request as given (plus {@code Connection: close}) and reads it all. */
	private Raw raw(String requestHead) {
		try (var socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream()
				.write((requestHead + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().flush();
			var text = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			int split = text.indexOf("\r\n\r\n");
			var head = (split >= 0) ? text.substring(0, split) : text;
			var body = (split >= 0) ? text.substring(split + 4) : "";
			return new Raw(Integer.parseInt(head.substring(9, 12)), head, body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record Raw(int status, String head, String body) {

	}

}
