package ai.interconnects.archive.web;

import java.util.regex.Pattern;

import ai.interconnects.archive.support.PagesTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through the real server: error pages (the servlet container's error dispatch, which
 * MockMvc does not perform), security headers, compression and asset caching.
 */
class ServerBehaviourTests extends PagesTestSupport {

	@Autowired
	private ApplicationContext context;

	@BeforeEach
	void fixture() {
		ingestFixture();
	}

	@Test
	void unknownEpisodesAndChaptersGetTheFriendly404Page() {
		for (var path : new String[] { "/episodes/no-such-episode", "/episodes/" + DEAN_BALL + "/chapters/9",
				"/episodes/" + DEAN_BALL + "/chapters/abc", "/no/such/page", "/episodes/no-such/transcript" }) {
			var response = fetch(path);
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
			assertThat(response.body()).as(path)
				.contains("There is no such page here")
				.contains("href=\"/\"")
				.doesNotContain("Whitelabel")
				.doesNotContain("Exception")
				.doesNotContain("at ai.interconnects");
			assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
				.hasValue(SecurityHeadersFilter.CONTENT_SECURITY_POLICY);
		}
	}

	@Test
	void badParametersNeverGiveA500() {
		// An undecodable query is refused by Tomcat itself, before the app: a 400, not a
		// 500.
		assertThat(fetch("/?page=%FF").statusCode()).isEqualTo(400);
		for (var path : new String[] { "/?page=abc", "/episodes/" + DEAN_BALL + "?t=abc",
				"/episodes/" + DEAN_BALL + "?t=-5", "/episodes/" + DEAN_BALL + "?t=%00",
				"/episodes/" + DEAN_BALL + "/transcript?q=%3Cscript%3E&t=x",
				"/episodes/" + DEAN_BALL + "/chapters/2?t=1:99" }) {
			assertThat(fetch(path).statusCode()).as(path).isEqualTo(200);
		}
		// asked for directly, the container's error path is a page that does not exist
		var error = fetch("/error");
		assertThat(error.statusCode()).isEqualTo(404);
		assertThat(error.body()).contains("There is no such page here").doesNotContain("Whitelabel");
	}

	@Test
	void everyResponseCarriesTheSecurityHeaders() {
		for (var path : new String[] { "/", "/episodes/" + DEAN_BALL, "/favicon.svg" }) {
			var headers = fetch(path).headers();
			assertThat(headers.firstValue("Content-Security-Policy")).as(path)
				.hasValue("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; "
						+ "media-src 'self' https: http:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
						+ "form-action 'self'");
			assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
			assertThat(headers.firstValue("Referrer-Policy")).as(path).hasValue("strict-origin-when-cross-origin");
		}
	}

	@Test
	void assetsAreServedFromContentHashedUrlsWithLongCaching() {
		var page = fetch("/").body();
		for (var asset : new String[] { "css/archive-[0-9a-f]{32}\\.css", "js/archive-[0-9a-f]{32}\\.js",
				"favicon-[0-9a-f]{32}\\.svg" }) {
			var matcher = Pattern.compile("\"/(" + asset + ")\"").matcher(page);
			assertThat(matcher.find()).as(asset).isTrue();
			var response = fetch("/" + matcher.group(1));
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Cache-Control"))
				.hasValueSatisfying((value) -> assertThat(value).contains("max-age=31536000").contains("public"));
			assertThat(response.headers().firstValue("ETag")).isPresent();
		}
		assertThat(fetch("/js/archive.js").headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).contains("javascript"));
		assertThat(fetch("/css/archive-0123456789abcdef0123456789abcdef.css").statusCode()).isEqualTo(404);
	}

	@Test
	void unhashedAssetUrlsAreRevalidatedNotCachedForAYear() {
		for (var path : new String[] { "/css/archive.css", "/js/archive.js", "/favicon.svg" }) {
			var response = fetch(path);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(response.headers().firstValue("Cache-Control")).as(path)
				.hasValueSatisfying((value) -> assertThat(value).contains("no-cache").doesNotContain("max-age"));
		}
	}

	@Test
	void pageLinksDoNotGoThroughTheResourceChain() {
		// The resource chain's URL encoding resolved every link of every page against
		// the classpath (a second per transcript page); its filter must stay away.
		assertThat(this.context.getBeanNamesForType(ResourceUrlEncodingFilter.class)).isEmpty();
		assertThat(fetch("/episodes/" + DEAN_BALL + "/transcript").body()).contains("href=\"/episodes/" + DEAN_BALL);
	}

}
