package ai.interconnects.archive.syndication;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;

import ai.interconnects.archive.support.FormatsTestSupport;
import ai.interconnects.archive.support.SecondShow;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.WireFeedInput;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /library.xml} and the canonical episode links of a library: the polled fixture
 * show and a second show beside it ({@link SecondShow}); every episode URL the feeds,
 * search, API and sitemap give is its show's form and answers without a redirect.
 */
class LibraryFeedTests extends FormatsTestSupport {

	private static final String HOUR = "http://localhost/shows/open-source-hour/episodes/";

	@Autowired
	JsonMapper json;

	@Autowired
	SyndicationProperties properties;

	private String library() {
		ingestFixture();
		long b = SecondShow.add(this.jdbc, "open-source-hour", "The Open Source Hour");
		SecondShow.episode(this.jdbc, b, "weights-day", "Weights day", "We talk about quokkalicious weights.",
				Instant.parse("2099-01-02T10:00:00Z"));
		SecondShow.episode(this.jdbc, b, "licences", "Licences", "Licences and quokkalicious terms.",
				Instant.parse("2001-01-01T10:00:00Z"));
		return this.jdbc.sql("select slug from podcast order by id limit 1").query(String.class).single();
	}

	@Test
	void theLibraryFeedHoldsTheNewestEpisodesOfEveryShowEachNamingItsShow() throws Exception {
		var first = library();

		var result = this.mvc.perform(get("/library.xml")).andExpect(status().isOk()).andReturn();
		assertThat(result.getResponse().getContentType()).startsWith("application/rss+xml");
		var etag = result.getResponse().getHeader("ETag");
		assertThat(etag).isNotBlank();
		var channel = (Channel) wireInput()
			.build(new InputSource(new StringReader(result.getResponse().getContentAsString())));
		var items = channel.getItems();
		// one page, newest first across the shows: the second show's 2099 episode, then
		// the first show's newest
		assertThat(items).hasSize(Math.min(13, this.properties.feedPageSize())).hasSizeGreaterThan(2);
		var newest = items.get(0);
		assertThat(newest.getTitle()).isEqualTo("The Open Source Hour: Weights day");
		assertThat(newest.getSource().getValue()).isEqualTo("The Open Source Hour");
		assertThat(newest.getSource().getUrl()).isEqualTo("http://localhost/shows/open-source-hour/feed.xml");
		assertThat(newest.getCategories()).extracting((c) -> c.getValue()).containsExactly("The Open Source Hour");
		assertThat(newest.getLink()).isEqualTo(HOUR + "weights-day");
		var firstShow = items.get(1);
		assertThat(firstShow.getLink()).startsWith("http://localhost/shows/" + first + "/episodes/");
		assertThat(firstShow.getSource().getUrl()).isEqualTo("http://localhost/shows/" + first + "/feed.xml");
		var withEnclosure = items.stream().filter((i) -> !i.getEnclosures().isEmpty()).findFirst().orElseThrow();
		assertThat(withEnclosure.getEnclosures().get(0).getUrl()).startsWith("http");
		for (var item : items) {
			answersDirectly(item.getLink());
		}
		this.mvc.perform(get("/library.xml").header("If-None-Match", etag)).andExpect(status().isNotModified());
	}

	@Test
	void withOneShowTheLibraryFeedMovesToTheArchiveFeed() throws Exception {
		ingestFixture();

		this.mvc.perform(get("/library.xml"))
			.andExpect(status().isMovedPermanently())
			.andExpect(header().string("Location", "http://localhost/feed.xml"));
		var home = Jsoup.parse(this.mvc.perform(get("/")).andReturn().getResponse().getContentAsString());
		assertThat(home.select("link[href=/library.xml]")).isEmpty();
		var feed = this.mvc.perform(get("/feed.xml")).andReturn().getResponse().getContentAsString();
		assertThat(feed).contains("<link>http://localhost/episodes/").doesNotContain("/shows/");
	}

	@Test
	void theLibraryHomeAndTheShowsPageLinkTheLibraryFeed() throws Exception {
		library();

		var home = Jsoup.parse(this.mvc.perform(get("/")).andReturn().getResponse().getContentAsString());
		assertThat(home.select("head link[rel=alternate][type=application/rss+xml][href=/library.xml]")).hasSize(1);
		var shows = Jsoup.parse(this.mvc.perform(get("/shows")).andReturn().getResponse().getContentAsString());
		assertThat(shows.select("main a[href=/library.xml]")).hasSize(1);
	}

	@Test
	void eachShowsFeedLinksItsEpisodesUnderTheShow() throws Exception {
		library();

		var feed = (Channel) wireInput()
			.build(new InputSource(new StringReader(this.mvc.perform(get("/shows/open-source-hour/feed.xml"))
				.andReturn()
				.getResponse()
				.getContentAsString())));
		assertThat(feed.getItems()).extracting(Item::getLink).containsExactly(HOUR + "weights-day", HOUR + "licences");
		assertThat(feed.getItems().get(0).getTitle()).isEqualTo("Weights day");
		answersDirectly(HOUR + "weights-day");
	}

	@Test
	void theSearchPageAndApiLinkEpisodesUnderTheirShow() throws Exception {
		library();

		var page = Jsoup.parse(this.mvc.perform(get("/search?q=quokkalicious&mode=words"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		var links = page.select(".search-moment a").eachAttr("href");
		assertThat(links).isNotEmpty().allMatch((l) -> l.startsWith("/shows/open-source-hour/episodes/"));
		assertThat(page.select(".search-episode h2 a, h2 a").eachAttr("href"))
			.allMatch((l) -> l.startsWith("/shows/open-source-hour/episodes/"));
		for (var link : links) {
			answersDirectly("http://localhost" + link);
		}

		var api = json("/api/v1/search?q=quokkalicious&mode=words");
		var urls = new ArrayList<String>();
		for (var episode : api.get("episodes")) {
			urls.add(episode.get("url").asString());
			for (var moment : episode.get("best")) {
				urls.add(moment.get("url").asString());
			}
		}
		assertThat(urls).hasSize(4).allMatch((u) -> u.startsWith(HOUR));
		for (var url : urls) {
			answersDirectly(url);
		}
	}

	@Test
	void theEpisodesApiAndTheSitemapLinkEpisodesUnderTheirShow() throws Exception {
		var first = library();

		var page = json("/api/v1/episodes?size=100");
		var pages = new ArrayList<String>();
		page.get("episodes").forEach((e) -> pages.add(e.get("links").get("page").asString()));
		assertThat(pages).hasSize(13).allMatch((p) -> p.startsWith("http://localhost/shows/"));
		assertThat(pages).contains(HOUR + "weights-day");
		var one = json("/api/v1/episodes/" + DEAN_BALL);
		var links = one.get("links");
		assertThat(links.get("page").asString())
			.isEqualTo("http://localhost/shows/" + first + "/episodes/" + DEAN_BALL);
		assertThat(links.get("api").asString()).isEqualTo("http://localhost/api/v1/episodes/" + DEAN_BALL);
		for (var chapter : one.get("chapters")) {
			assertThat(chapter.get("url").asString()).startsWith(links.get("page").asString() + "/chapters/");
		}
		answersDirectly(links.get("page").asString());
		answersDirectly(links.get("transcript").asString());

		var sitemap = this.mvc.perform(get("/sitemap-1.xml")).andReturn().getResponse().getContentAsString()
				+ this.mvc.perform(get("/sitemap-2.xml")).andReturn().getResponse().getContentAsString();
		assertThat(sitemap)
			.contains("<loc>" + HOUR + "weights-day</loc>",
					"<loc>http://localhost/shows/" + first + "/episodes/" + DEAN_BALL + "</loc>")
			.doesNotContain("<loc>http://localhost/episodes/");
		var locs = Jsoup.parse(sitemap, "", org.jsoup.parser.Parser.xmlParser()).select("loc").eachText();
		for (var loc : locs.stream().filter((l) -> l.contains("/episodes/")).limit(10).toList()) {
			answersDirectly(loc);
		}
	}

	@Test
	void anEpisodesStructuredDataNamesItsShowsFeed() throws Exception {
		library();

		var page = Jsoup.parse(this.mvc.perform(get("/shows/open-source-hour/episodes/weights-day"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(page.select("script[type=application/ld+json]").html()).contains(
				"\"url\":\"" + HOUR + "weights-day\"",
				"\"webFeed\":\"http://localhost/shows/open-source-hour/feed.xml\"");
	}

	/** A 200 for the URL's path, not a redirect. */
	private void answersDirectly(String url) throws Exception {
		assertThat(url).startsWith("http://localhost/");
		this.mvc.perform(get(url.substring("http://localhost".length()))).andExpect(status().isOk());
	}

	private JsonNode json(String path) throws Exception {
		return this.json.readTree(this.mvc.perform(get(path)).andReturn().getResponse().getContentAsString());
	}

	private static WireFeedInput wireInput() {
		var input = new WireFeedInput();
		input.setXmlHealerOn(false);
		input.setAllowDoctypes(false);
		return input;
	}

}
