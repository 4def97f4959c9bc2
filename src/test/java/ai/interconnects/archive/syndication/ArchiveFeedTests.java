package ai.interconnects.archive.syndication;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import ai.interconnects.archive.poll.PollRun;
import ai.interconnects.archive.support.FormatsTestSupport;
import com.rometools.modules.atom.modules.AtomLinkModule;
import com.rometools.modules.itunes.EntryInformation;
import com.rometools.modules.itunes.FeedInformation;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

class ArchiveFeedTests extends FormatsTestSupport {

	static final Namespace PODCAST = Namespace.getNamespace(ArchiveFeedWriter.PODCAST);

	@Test
	void theFeedParsesInRomeWithThePodcastingTwoTags() throws Exception {
		ingestFixture();

		var result = get200("/feed.xml");

		assertThat(result.getResponse().getContentType()).isEqualTo("application/rss+xml;charset=UTF-8");
		var xml = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		SyndFeed feed = romeInput().build(new InputSource(new StringReader(xml)));
		assertThat(feed.getTitle()).isEqualTo("Interconnects");
		var itunes = (FeedInformation) feed.getModule("http://www.itunes.com/dtds/podcast-1.0.dtd");
		assertThat(itunes.getImage().toString()).isEqualTo("https://substackcdn.com/feed/podcast/48206/cover.jpg");
		assertThat(feed.getEntries()).hasSize(4);
		var newest = feed.getEntries().get(0);
		assertThat(newest.getLink()).isEqualTo("http://localhost/episodes/some-ideas-for-what-comes-next-may-2026");
		assertThat(newest.getEnclosures()).hasSize(1);
		assertThat(newest.getEnclosures().get(0).getUrl()).startsWith("https://");
		assertThat(((EntryInformation) newest.getModule("http://www.itunes.com/dtds/podcast-1.0.dtd")).getDuration())
			.isNotNull();

		Channel channel = (Channel) wireInput().build(new InputSource(new StringReader(xml)));
		var guid = child(channel.getForeignMarkup(), PODCAST, "guid");
		assertThat(UUID.fromString(guid.getText()).version()).isEqualTo(5);
		assertThat(guid.getText()).isEqualTo(PodcastGuid.of(feeds.url("/feed.xml").toString()).toString());
		for (Item item : channel.getItems()) {
			var slug = item.getLink().substring(item.getLink().lastIndexOf('/') + 1);
			boolean transcript = this.jdbc.sql("""
					select exists (select 1 from transcript_segment s join episode e on e.id = s.episode_id
					where e.slug = ?)""").param(slug).query(Boolean.class).single();
			var transcripts = children(item.getForeignMarkup(), PODCAST, "transcript");
			if (transcript) {
				assertThat(transcripts).extracting((e) -> e.getAttributeValue("type"))
					.containsExactly("text/vtt", "application/x-subrip", "application/json");
				assertThat(transcripts.get(0).getAttributeValue("url"))
					.isEqualTo("http://localhost/episodes/" + slug + "/transcript.vtt");
				assertThat(get200("/episodes/" + slug + "/transcript.vtt")).isNotNull();
			}
			else {
				assertThat(transcripts).isEmpty();
			}
			var chapters = children(item.getForeignMarkup(), PODCAST, "chapters");
			if (!chapters.isEmpty()) {
				assertThat(chapters.get(0).getAttributeValue("type")).isEqualTo("application/json+chapters");
				assertThat(get200("/episodes/" + slug + "/chapters.json")).isNotNull();
			}
		}
	}

	@Test
	void itemsKeepTheOriginalGuids() throws Exception {
		ingestFixture();

		var guids = new ArrayList<String>();
		for (var document : walkPages()) {
			for (Item item : document.getItems()) {
				assertThat(item.getGuid().isPermaLink()).isFalse();
				guids.add(item.getGuid().getValue());
			}
		}

		var stored = this.jdbc.sql("select guid from episode order by published_at desc nulls last, id desc")
			.query(String.class)
			.list();
		assertThat(guids).containsExactlyElementsOf(stored).hasSize(11);
	}

	@Test
	void pagesLinkEachOtherAndTheArchivesCoverEveryEpisodeOnce() throws Exception {
		ingestFixture();

		var first = channel("/feed.xml");
		assertThat(link(first, "self")).isEqualTo("http://localhost/feed.xml");
		assertThat(link(first, "next")).isEqualTo("http://localhost/feed.xml?page=2");
		assertThat(link(first, "last")).isEqualTo("http://localhost/feed.xml?page=3");
		assertThat(link(first, "prev-archive")).isEqualTo("http://localhost/feed.xml?archive=2");

		// archives: 11 episodes in blocks of 4 from the oldest -> two complete blocks
		var archived = new LinkedHashSet<String>();
		var current = channel("/feed.xml?archive=2");
		assertThat(child(current.getForeignMarkup(), Namespace.getNamespace(ArchiveFeedWriter.HISTORY), "archive"))
			.isNotNull();
		assertThat(link(current, "current")).isEqualTo("http://localhost/feed.xml");
		assertThat(link(current, "next-archive")).isNull();
		while (current != null) {
			assertThat(current.getItems()).hasSize(4);
			current.getItems().forEach((item) -> assertThat(archived.add(item.getGuid().getValue())).isTrue());
			var previous = link(current, "prev-archive");
			current = (previous != null) ? channel(previous.replace("http://localhost", "")) : null;
		}
		var all = new LinkedHashSet<String>(archived);
		first.getItems().forEach((item) -> all.add(item.getGuid().getValue()));
		assertThat(all).hasSize(11);

		assertThat(this.mvc.perform(get("/feed.xml?page=4")).andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(this.mvc.perform(get("/feed.xml?archive=3")).andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(this.mvc.perform(get("/feed.xml?page=abc")).andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void episodesThatLeftTheSourceFeedStayInTheArchiveFeed() throws Exception {
		ingestFixture();
		var onlyNewest = new String(FIXTURE, StandardCharsets.UTF_8).replaceAll("(?s)</item>.*</item>", "</item>");
		feeds.respond("/feed.xml", 200, onlyNewest.getBytes(StandardCharsets.UTF_8), "Content-Type",
				"application/rss+xml");
		assertThat(this.polls.poll().orElseThrow().getOutcome()).isEqualTo(PollRun.Outcome.SUCCESS);

		int items = 0;
		for (var document : walkPages()) {
			items += document.getItems().size();
		}
		assertThat(items).isEqualTo(11);
	}

	@Test
	void aRepeatedRequestWithTheETagIsNotModified() throws Exception {
		ingestFixture();

		var first = get200("/feed.xml").getResponse();
		var etag = first.getHeader("ETag");
		assertThat(etag).startsWith("\"");
		var again = this.mvc.perform(get("/feed.xml").header("If-None-Match", etag)).andReturn().getResponse();
		assertThat(again.getStatus()).isEqualTo(304);
		var page2 = this.mvc.perform(get("/feed.xml?page=2").header("If-None-Match", etag)).andReturn().getResponse();
		assertThat(page2.getStatus()).isEqualTo(200);
	}

	@Test
	void everyPageLinksTheFeedForFeedReaders() throws Exception {
		ingestFixture();

		for (var path : List.of("/", "/chapters", "/episodes/" + DEAN_BALL, "/episodes/" + DEAN_BALL + "/transcript",
				"/search?q=open")) {
			var page = org.jsoup.Jsoup.parse(body(path));
			var link = page.select("link[rel=alternate][type=application/rss+xml]");
			assertThat(link).as(path).hasSize(1);
			assertThat(link.attr("href")).isEqualTo("/feed.xml");
			assertThat(page.select("link[rel=alternate][type=text/x-opml]").eachAttr("href")).as(path)
				.containsExactly("/opml.xml");
			assertThat(page.select("footer .site-formats a").eachAttr("href")).as(path)
				.containsExactly("/feed.xml", "/opml.xml", "/api/v1/openapi.json", "/export.jsonl.gz");
		}
	}

	@Test
	void theShowGuidFollowsThePodcastingTwoExample() {
		// the example in the podcast namespace's description of <podcast:guid>
		assertThat(PodcastGuid.of("https://podnews.net/rss").toString())
			.isEqualTo("9b024349-ccf0-5f69-a609-6b82873eab3c");
		assertThat(PodcastGuid.of("podnews.net/rss/")).isEqualTo(PodcastGuid.of("http://podnews.net/rss"));
	}

	private List<Channel> walkPages() throws Exception {
		var documents = new ArrayList<Channel>();
		String next = "/feed.xml";
		while (next != null) {
			var channel = channel(next);
			documents.add(channel);
			var href = link(channel, "next");
			next = (href != null) ? href.replace("http://localhost", "") : null;
			assertThat(documents).hasSizeLessThan(10);
		}
		return documents;
	}

	private Channel channel(String path) throws Exception {
		return (Channel) wireInput().build(new InputSource(new StringReader(body(path))));
	}

	private static String link(Channel channel, String rel) {
		// rome-modules reads atom:link into its Atom link module
		var atom = (AtomLinkModule) channel.getModule(AtomLinkModule.URI);
		return atom.getLinks()
			.stream()
			.filter((link) -> rel.equals(link.getRel()))
			.map((link) -> link.getHref())
			.findFirst()
			.orElse(null);
	}

	private static Element child(List<Element> elements, Namespace namespace, String name) {
		var found = children(elements, namespace, name);
		assertThat(found).as(name).hasSize(1);
		return found.get(0);
	}

	private static List<Element> children(List<Element> elements, Namespace namespace, String name) {
		return elements.stream().filter((e) -> e.getName().equals(name) && e.getNamespace().equals(namespace)).toList();
	}

	private static SyndFeedInput romeInput() {
		var input = new SyndFeedInput();
		input.setXmlHealerOn(false);
		input.setAllowDoctypes(false);
		return input;
	}

	private static WireFeedInput wireInput() {
		var input = new WireFeedInput();
		input.setXmlHealerOn(false);
		input.setAllowDoctypes(false);
		return input;
	}

}
