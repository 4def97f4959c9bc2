package ai.interconnects.archive.web;

import ai.interconnects.archive.support.Html;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import ai.interconnects.archive.episode.EpisodeIngestService;
import ai.interconnects.archive.support.PagesTestSupport;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The reading pages' HTTP caching: validators, 304 without rendering, the rendered-page
 * cache and its invalidation by ingest and re-parse.
 */
class PageCachingTests extends PagesTestSupport {

	static final String EPISODE = "/episodes/" + DEAN_BALL;

	static final String[] PAGES = { "/", "/chapters", EPISODE, EPISODE + "/transcript", EPISODE + "/chapters/2",
			"/search?q=open+models" };

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Autowired
	EpisodeIngestService ingestService;

	@BeforeEach
	void fixture() {
		ingestFixture();
	}

	@Test
	void readingPagesSendAStrongEtagLastModifiedAndAPublicCachePolicy() {
		for (var path : PAGES) {
			var response = fetch(path);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			assertThat(response.headers().firstValue("ETag")).as(path)
				.hasValueSatisfying((etag) -> assertThat(etag).matches("\"[A-Za-z0-9_-]{27}\""));
			assertThat(response.headers().firstValue("Last-Modified")).as(path).isPresent();
			assertThat(response.headers().firstValue("Cache-Control")).as(path)
				.hasValue("max-age=60, public, stale-while-revalidate=600");
			assertThat(response.headers().firstValue("Vary")).as(path)
				.hasValueSatisfying((vary) -> assertThat(vary).contains("Accept-Encoding"));
		}
	}

	@Test
	void aMatchingIfNoneMatchGets304WithoutRenderingOrLoadingAnything() throws Exception {
		for (var path : PAGES) {
			var etag = Html.result(this.mvc, path).getResponse().getHeader("ETag");
			var statistics = statistics();
			statistics.clear();

			MvcResult result = this.mvc.perform(get(path).header("If-None-Match", etag)).andReturn();

			assertThat(result.getResponse().getStatus()).as(path).isEqualTo(304);
			assertThat(result.getResponse().getContentAsByteArray()).as(path).isEmpty();
			assertThat(result.getResponse().getHeader("ETag")).as(path).isEqualTo(etag);
			// no controller ran and no entity was loaded: only the stamp statement
			assertThat(result.getHandler()).as(path).isNull();
			assertThat(statistics.getPrepareStatementCount()).as(path).isZero();
			// the weak form and the gzip variant's tag name the same page
			assertThat(this.mvc.perform(get(path).header("If-None-Match", "W/" + etag))
				.andReturn()
				.getResponse()
				.getStatus()).isEqualTo(304);
			assertThat(this.mvc.perform(get(path).header("If-None-Match", ConditionalGet.gzipVariant(etag)))
				.andReturn()
				.getResponse()
				.getStatus()).isEqualTo(304);
			// a client that takes gzip is told the tag of the gzip variant it would get
			var gzipClient = this.mvc.perform(get(path).header("If-None-Match", etag).header("Accept-Encoding", "gzip"))
				.andReturn()
				.getResponse();
			assertThat(gzipClient.getStatus()).isEqualTo(304);
			assertThat(gzipClient.getHeader("ETag")).isEqualTo(ConditionalGet.gzipVariant(etag));
		}
		var other = this.mvc.perform(get(EPISODE).header("If-None-Match", "\"something-else\"")).andReturn();
		assertThat(other.getResponse().getStatus()).isEqualTo(200);
	}

	@Test
	void ifModifiedSinceGets304OnlyWithoutIfNoneMatch() {
		var lastModified = fetch(EPISODE).headers().firstValue("Last-Modified").orElseThrow();
		assertThat(fetch(EPISODE, "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
		assertThat(fetch(EPISODE, "If-Modified-Since", "Thu, 01 Jan 1970 00:00:00 GMT").statusCode()).isEqualTo(200);
		assertThat(fetch(EPISODE, "If-Modified-Since", "not a date").statusCode()).isEqualTo(200);
	}

	@Test
	void queryParametersThatChangeThePageChangeItsEtag() {
		var plain = etag(EPISODE + "/transcript");
		var atMoment = etag(EPISODE + "/transcript?t=72");
		var searched = etag(EPISODE + "/transcript?q=open+models");
		assertThat(plain).isNotEqualTo(atMoment).isNotEqualTo(searched);
		assertThat(atMoment).isNotEqualTo(searched);
		assertThat(etag(EPISODE + "/transcript?q=open+models")).isEqualTo(searched);
		assertThat(fetch(EPISODE + "/transcript?q=open+models").body()).contains("<mark>");
		assertThat(fetch(EPISODE + "/transcript").body()).doesNotContain("<mark>");
		// the list view and the paged chapter and speaker pages are pages of their own
		assertThat(etag("/?view=list")).isNotEqualTo(etag("/"));
		assertThat(fetch("/?view=list").body()).contains("episode-rows");
		assertThat(etag("/chapters?page=2")).isNotEqualTo(etag("/chapters"));
		assertThat(etag("/speakers/dean-ball?page=2")).isNotEqualTo(etag("/speakers/dean-ball"));
	}

	@Test
	void aRepeatedPageComesFromTheCacheWithTheSameBytesPlainAndGzipped() throws Exception {
		var path = EPISODE + "/transcript";
		var first = Html.result(this.mvc, path).getResponse().getContentAsByteArray();
		var statistics = statistics();
		statistics.clear();

		var again = this.mvc.perform(get(path)).andReturn();
		var gzipped = this.mvc.perform(get(path).header("Accept-Encoding", "gzip, deflate, br")).andReturn();

		assertThat(again.getHandler()).isNull();
		assertThat(statistics.getPrepareStatementCount()).isZero();
		assertThat(again.getResponse().getContentAsByteArray()).isEqualTo(first);
		assertThat(gzipped.getResponse().getHeader("Content-Encoding")).isEqualTo("gzip");
		assertThat(gzipped.getResponse().getHeader("ETag"))
			.isEqualTo(ConditionalGet.gzipVariant(again.getResponse().getHeader("ETag")));
		assertThat(gunzip(gzipped.getResponse().getContentAsByteArray())).isEqualTo(first);
		assertThat(this.mvc.perform(get(path).header("Accept-Encoding", "gzip;q=0, identity"))
			.andReturn()
			.getResponse()
			.getHeader("Content-Encoding")).isNull();
	}

	@Test
	void aReparseChangesTheEtagAndThePage() {
		var path = EPISODE + "/transcript";
		var before = fetch(path);
		assertThat(before.body()).contains("My guess is that in the long run");
		long id = this.jdbc.sql("select id from episode where slug = ?").param(DEAN_BALL).query(Long.class).single();
		this.jdbc
			.sql("update episode set raw_description = replace(raw_description, 'My guess is that in the long run',"
					+ " 'My reparsed guess is that in the long run') where id = ?")
			.param(id)
			.update();

		this.ingestService.reparse(id);

		var after = fetch(path);
		assertThat(after.headers().firstValue("ETag")).isNotEqualTo(before.headers().firstValue("ETag"));
		assertThat(after.body()).contains("My reparsed guess is that in the long run");
		assertThat(fetch(path, "If-None-Match", before.headers().firstValue("ETag").orElseThrow()).statusCode())
			.isEqualTo(200);
	}

	@Test
	void anUpdatedFeedChangesTheEtagAndThePage() {
		var path = EPISODE + "/transcript";
		var before = fetch(path);
		var changed = new String(FIXTURE, StandardCharsets.UTF_8).replace("My guess is that in the long run",
				"My updated guess is that in the long run");
		feeds.respond("/feed.xml", 200, changed.getBytes(StandardCharsets.UTF_8), "Content-Type",
				"application/rss+xml; charset=utf-8");
		this.polls.poll().orElseThrow();

		var after = fetch(path);
		assertThat(after.headers().firstValue("ETag")).isNotEqualTo(before.headers().firstValue("ETag"));
		assertThat(after.body()).contains("My updated guess is that in the long run");
	}

	@Test
	void errorsAndTheAdminAreaAreNeverPubliclyCacheable() {
		for (var path : new String[] { "/episodes/no-such-episode", EPISODE + "/chapters/99", "/admin",
				"/admin/login" }) {
			var response = fetch(path);
			assertThat(response.statusCode()).as(path).isNotEqualTo(200);
			assertThat(response.headers().firstValue("ETag")).as(path).isEmpty();
			assertThat(response.headers().firstValue("Cache-Control").orElse("")).as(path).doesNotContain("public");
		}
	}

	private String etag(String path) {
		return fetch(path).headers().firstValue("ETag").orElseThrow();
	}

	private Statistics statistics() {
		var statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		assertThat(statistics.isStatisticsEnabled()).isTrue();
		return statistics;
	}

	private static byte[] gunzip(byte[] bytes) throws IOException {
		try (var in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
			return in.readAllBytes();
		}
	}

}
