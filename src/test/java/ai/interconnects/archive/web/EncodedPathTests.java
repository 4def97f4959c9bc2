package ai.interconnects.archive.web;

import java.util.List;
import java.util.regex.Pattern;

import ai.interconnects.archive.support.RawClientTestSupport;
import ai.interconnects.archive.support.RawHttp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No spelling of a path escapes the rule meant for it: the sign-in limit, the API and
 * export limit and the page cache decide on the decoded path, as Spring Security and the
 * dispatcher do. Every request goes out raw over a socket (a client library would
 * normalise {@code %6c} to {@code l} before sending), each test from its own loopback
 * address.
 */
class EncodedPathTests extends RawClientTestSupport {

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	PageCacheFilter pageCache;

	@Test
	void theSignInLimitHoldsForEverySpellingOfTheLoginPath() {
		var spellings = List.of("/admin/%6cogin", "/%61dmin/login", "/admin/log%69n", "/admin/%6C%6F%67%69%6E",
				"/admin/login");
		int client = 10;
		for (var spelling : spellings) {
			var from = "127.0.0." + client++;
			var csrf = csrf(from);
			for (int i = 0; i < 5; i++) {
				// guesses for another account: the address is what is limited here, not
				// the admin account (whose own short slowdown would answer first)
				var wrong = signIn(from, spelling, csrf, "guesser-" + client, "guess " + i);
				assertThat(wrong.header("Location")).as(spelling).hasValue("/admin/login?error");
			}
			var right = signIn(from, spelling, csrf, PASSWORD);
			assertThat(right.header("Location")).as("the right password after five failures, at %s", spelling)
				.hasValue("/admin/login?blocked=10");
			assertThat(signIn(from, "/admin/login", csrf, PASSWORD).header("Location")).as(spelling)
				.hasValue("/admin/login?blocked=10");
		}
		// spellings Spring Security's firewall refuses never reach a password check
		var csrf = csrf("127.0.0.30");
		for (var refused : List.of("/admin/login;x=1", "/admin/./login", "/admin//login", "/admin/login%2f",
				"/admin/%2e/login")) {
			assertThat(signIn("127.0.0.30", refused, csrf, PASSWORD).status()).as(refused).isEqualTo(400);
		}
		// the owner signs in from elsewhere, by any spelling
		assertThat(signIn("127.0.0.30", "/admin/%6cogin", csrf, PASSWORD).header("Location")).hasValue("/admin");
	}

	@Test
	void theApiAndExportLimitHoldsForEverySpelling() {
		var api = List.of("/api/v1/episodes", "/%61pi/v1/episodes", "/api/v1/%65pisodes", "/%61%70%69/v1/speakers",
				"/api/v1/%73peakers");
		for (int i = 0; i < 3; i++) {
			assertThat(get("127.0.0.40", api.get(i)).status()).isEqualTo(200);
		}
		for (var spelling : api) {
			var refused = get("127.0.0.40", spelling);
			assertThat(refused.status()).as(spelling).isEqualTo(429);
			assertThat(refused.header("Retry-After")).isPresent();
		}

		for (int i = 0; i < 3; i++) {
			assertThat(get("127.0.0.41", "/%65xport.jsonl.gz").status()).isEqualTo(200);
		}
		for (var spelling : List.of("/%65xport.jsonl.gz", "/export.jsonl.gz", "/%65%78port%2ejsonl.gz")) {
			assertThat(get("127.0.0.41", spelling).status()).as(spelling).isIn(429, 400);
		}
		assertThat(get("127.0.0.41", "/%65xport.jsonl.gz").status()).isEqualTo(429);
	}

	@Test
	void aPageIsKeyedOnItsDecodedPathAndTheParametersItReads() {
		ingestFixture();
		var plain = get("127.0.0.50", "/episodes/" + DEAN_BALL);
		assertThat(plain.status()).isEqualTo(200);
		var etag = plain.header("ETag").orElseThrow();
		int cached = this.pageCache.cachedPages();

		for (var spelling : List.of("/episodes/" + DEAN_BALL + "?x=1", "/%65pisodes/" + DEAN_BALL + "?utm=2&x=3",
				"/episodes/%64ean-ball-on-open-models-and-government-control",
				"/episodes/" + DEAN_BALL + "?q=ignored&page=9")) {
			var page = get("127.0.0.50", spelling);
			assertThat(page.status()).as(spelling).isEqualTo(200);
			assertThat(page.header("ETag")).as(spelling).hasValue(etag);
		}
		assertThat(this.pageCache.cachedPages()).as("no new cache entries").isEqualTo(cached);

		// a parameter the page reads is a page of its own
		var at = get("127.0.0.50", "/episodes/" + DEAN_BALL + "?t=60");
		assertThat(at.header("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(etag));
	}

	@Test
	void headIsGetWithoutTheBody() {
		ingestFixture();
		for (var path : List.of("/", "/episodes/" + DEAN_BALL, "/episodes/" + DEAN_BALL + "/transcript",
				"/search?q=models")) {
			var get = get("127.0.0.60", path);
			var head = RawHttp.send(this.port, "127.0.0.60", "HEAD " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
			assertThat(head.status()).as(path).isEqualTo(get.status());
			for (var name : List.of("ETag", "Last-Modified", "Cache-Control", "Vary", "Content-Type",
					"Content-Length")) {
				assertThat(head.header(name)).as("%s %s", path, name).isPresent().isEqualTo(get.header(name));
			}
			assertThat(head.body()).as(path).isEmpty();
		}
	}

	private RawHttp.Response get(String from, String path) {
		return RawHttp.send(this.port, from, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
	}

	private Csrf csrf(String from) {
		var form = get(from, "/admin/login");
		var cookie = form.header("Set-Cookie").orElseThrow();
		var matcher = CSRF_FIELD.matcher(form.body());
		assertThat(matcher.find()).isTrue();
		return new Csrf(cookie.substring(0, cookie.indexOf(';')), matcher.group(1));
	}

	private RawHttp.Response signIn(String from, String path, Csrf csrf, String password) {
		return signIn(from, path, csrf, "admin", password);
	}

	private RawHttp.Response signIn(String from, String path, Csrf csrf, String username, String password) {
		return RawHttp.send(this.port, from,
				"POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + csrf.cookie() + "\r\n",
				"username=" + username + "&password=" + password.replace(" ", "+") + "&_csrf=" + csrf.token());
	}

	private record Csrf(String cookie, String token) {
	}

}
