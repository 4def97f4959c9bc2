package ai.interconnects.archive.syndication;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.TreeSet;

import ai.interconnects.archive.support.FormatsTestSupport;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a reader follows the archive: the home page says how to add it to a podcast app,
 * the feed opened in a browser is a page (its stylesheet), and the JSON API has a title
 * and a page that describes it.
 */
class SubscribeTests extends FormatsTestSupport {

	@Autowired
	JsonMapper json;

	@Test
	void theHomePageSaysHowToFollowTheArchiveInAPodcastApp() {
		ingestFixture();

		var page = Jsoup.parse(fetch("/").body());

		var block = page.selectFirst("section.subscribe");
		assertThat(block.selectFirst("h2").text()).isEqualTo("Follow in a podcast app");
		var feed = "http://localhost/feed.xml";
		assertThat(block.selectFirst("input#feed-url").val()).isEqualTo(feed);
		assertThat(block.select(".subscribe-apps a").eachText()).containsExactly("Apple Podcasts", "Overcast",
				"Pocket Casts", "AntennaPod");
		assertThat(block.select(".subscribe-apps a").eachAttr("href")).containsExactly("podcast://localhost/feed.xml",
				"overcast://x-callback-url/add?url=http%3A%2F%2Flocalhost%2Ffeed.xml",
				"pktc://subscribe/localhost/feed.xml",
				"https://antennapod.org/deeplink/subscribe?url=http%3A%2F%2Flocalhost%2Ffeed.xml"
						+ "&title=Interconnects%20archive");
	}

	@Test
	void aBrowserGetsTheFeedAsAStyledPageAndAnAppGetsRss() throws Exception {
		ingestFixture();

		var app = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url("/feed.xml")))
				.header("Accept", "application/rss+xml, application/xml;q=0.9, */*;q=0.5")
				.build(), HttpResponse.BodyHandlers.ofString());
		var browser = fetch("/feed.xml");

		assertThat(app.headers().firstValue("Content-Type")).hasValue("application/rss+xml;charset=UTF-8");
		assertThat(browser.headers().firstValue("Content-Type")).hasValue("application/xml;charset=UTF-8");
		assertThat(browser.headers().allValues("Vary").toString()).contains("Accept-Encoding").contains("Accept");
		assertThat(browser.body()).isEqualTo(app.body());
		assertThat(app.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
				+ "<?xml-stylesheet type=\"text/xsl\" href=\"/feed.xsl\"?>\n<rss");
		var stylesheet = fetch("/feed.xsl");
		assertThat(stylesheet.statusCode()).isEqualTo(200);
		assertThat(stylesheet.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).contains("xml"));
		assertThat(stylesheet.body()).contains("<xsl:stylesheet").contains("Follow in a podcast app");
	}

	@Test
	void theApiHasATitleAndAPageThatDescribesEveryCall() throws Exception {
		ingestFixture();
		var spec = this.json.readTree(body("/api/v1/openapi.json"));

		assertThat(spec.get("info").get("title").asString()).isEqualTo("Interconnects archive API");
		assertThat(spec.get("info").get("version").asString()).isEqualTo("v1");

		var docs = Jsoup.parse(fetch("/api").body());
		assertThat(docs.selectFirst("h1").text()).isEqualTo("JSON API");
		var described = new TreeSet<>(docs.select(".api-call h2 code").eachText());
		for (var path : spec.get("paths").propertyNames()) {
			assertThat(described).as("the page describes %s", path).contains("GET " + path);
			var get = spec.get("paths").get(path).get("get");
			if (get.has("parameters")) {
				for (var name : get.get("parameters").findValuesAsString("name")) {
					assertThat(docs.select(".api-call:has(h2 code:containsOwn(GET " + path + ")) dt").text())
						.as("%s %s", path, name)
						.contains(name);
				}
			}
		}
		assertThat(Jsoup.parse(fetch("/").body()).selectFirst(".site-formats a:containsOwn(JSON API)").attr("href"))
			.isEqualTo("/api");
	}

}
