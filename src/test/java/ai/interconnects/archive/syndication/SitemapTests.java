package ai.interconnects.archive.syndication;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import ai.interconnects.archive.support.FeedServer;
import ai.interconnects.archive.support.FormatsTestSupport;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

class SitemapTests extends FormatsTestSupport {

	@Test
	void aLargeArchiveGetsAnIndexWhosePartsListEveryPublicPage() throws Exception {
		ingestFixture();

		var index = xml("/sitemap.xml");
		assertThat(index.getDocumentElement().getLocalName()).isEqualTo("sitemapindex");
		var locs = new ArrayList<String>();
		var parts = texts(index, "loc");
		assertThat(parts).hasSizeGreaterThan(1)
			.allSatisfy((loc) -> assertThat(loc).matches("http://localhost/sitemap-\\d+.xml"));
		for (var part : parts) {
			var urlset = xml(part.replace("http://localhost", ""));
			assertThat(urlset.getDocumentElement().getLocalName()).isEqualTo("urlset");
			var partLocs = texts(urlset, "loc");
			assertThat(partLocs).hasSizeLessThanOrEqualTo(20);
			locs.addAll(partLocs);
		}

		long chapters = this.jdbc.sql("select count(*) from chapter").query(Long.class).single();
		long transcripts = this.jdbc.sql("select count(distinct episode_id) from transcript_segment")
			.query(Long.class)
			.single();
		// "/", "/?page=2", "/?page=3", "/chapters", 11 episodes, their transcripts and
		// chapters
		assertThat(locs).hasSize((int) (4 + 11 + transcripts + chapters)).doesNotHaveDuplicates();
		assertThat(locs).contains("http://localhost/", "http://localhost/?page=3", "http://localhost/chapters",
				"http://localhost/episodes/" + DEAN_BALL, "http://localhost/episodes/" + DEAN_BALL + "/transcript",
				"http://localhost/episodes/" + DEAN_BALL + "/chapters/5");
		assertThat(locs).noneMatch((loc) -> loc.contains("/search") || loc.contains("/admin"));
		for (var loc : locs) {
			assertThat(fetch(loc.replace("http://localhost", "")).statusCode()).as(loc).isEqualTo(200);
		}
		assertThat(
				this.mvc.perform(get("/sitemap-" + (parts.size() + 1) + ".xml")).andReturn().getResponse().getStatus())
			.isEqualTo(404);
	}

	@Test
	void lastmodIsTheEpisodesUpdateTime() throws Exception {
		ingest(FeedServer.resource("/feeds/hostile-feed.xml"));

		var urlset = xml("/sitemap.xml");
		assertThat(urlset.getDocumentElement().getLocalName()).isEqualTo("urlset");
		var urls = urlset.getElementsByTagNameNS(SitemapController.SITEMAPS, "url");
		var stored = this.jdbc.sql("select slug, updated_at from episode").query().listOfRows();
		int checked = 0;
		for (int i = 0; i < urls.getLength(); i++) {
			var url = (Element) urls.item(i);
			var loc = url.getElementsByTagNameNS(SitemapController.SITEMAPS, "loc").item(0).getTextContent();
			for (var row : stored) {
				if (loc.equals("http://localhost/episodes/" + row.get("slug"))) {
					var lastmod = url.getElementsByTagNameNS(SitemapController.SITEMAPS, "lastmod")
						.item(0)
						.getTextContent();
					assertThat(Instant.parse(lastmod))
						.isEqualTo(((java.sql.Timestamp) row.get("updated_at")).toInstant());
					checked++;
				}
			}
		}
		assertThat(checked).isEqualTo(stored.size());
		var etag = get200("/sitemap.xml").getResponse().getHeader("ETag");
		assertThat(this.mvc.perform(get("/sitemap.xml").header("If-None-Match", etag))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(304);
	}

	@Test
	void robotsPointsAtTheSitemapAndKeepsCrawlersOutOfSearchAndAdmin() throws Exception {
		var result = get200("/robots.txt");

		assertThat(result.getResponse().getContentType()).isEqualTo("text/plain;charset=UTF-8");
		var lines = result.getResponse().getContentAsString(StandardCharsets.UTF_8).lines().toList();
		assertThat(lines).contains("User-agent: *", "Disallow: /admin", "Disallow: /search", "Disallow: /api/v1/search",
				"Sitemap: http://localhost/sitemap.xml");
	}

	private Document xml(String path) throws Exception {
		var factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		var result = get200(path);
		assertThat(result.getResponse().getContentType()).isEqualTo("application/xml;charset=UTF-8");
		return factory.newDocumentBuilder()
			.parse(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()));
	}

	private static List<String> texts(Document document, String name) {
		var nodes = document.getElementsByTagNameNS(SitemapController.SITEMAPS, name);
		var texts = new ArrayList<String>();
		for (int i = 0; i < nodes.getLength(); i++) {
			texts.add(nodes.item(i).getTextContent());
		}
		return texts;
	}

}
