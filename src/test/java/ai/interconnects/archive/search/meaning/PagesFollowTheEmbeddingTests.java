package ai.interconnects.archive.search.meaning;

import java.nio.charset.StandardCharsets;

import ai.interconnects.archive.poll.PollService;
import ai.interconnects.archive.support.ArchiveTest;
import ai.interconnects.archive.support.DatabaseCleaner;
import ai.interconnects.archive.support.FeedServer;
import ai.interconnects.archive.support.FeedServerExtension;
import ai.interconnects.archive.support.WithFeedServer;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Pages are cached under the archive's stamp, and the background worker changes what they
 * show without changing any episode: once it has embedded the episodes, a search page
 * that said "not ready yet" and an episode page without related episodes are rendered
 * again, under new entity tags.
 */
@WithFeedServer
@ArchiveTest(properties = { "archive.poll.enabled=false", "archive.meaning.enabled=true" })
// the context of every test of search by meaning: the model loads once
@AutoConfigureMockMvc
class PagesFollowTheEmbeddingTests {

	static final FeedServer server = FeedServerExtension.server();

	static final String SEARCH = "/search?q=the+phone+maker+refused+federal+police+demands+to+unlock+a+device";

	static final String EPISODE = "/episodes/dean-ball-on-open-models-and-government-control";

	@Autowired
	ApplicationContext context;

	@Autowired
	PollService polls;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeaningIndex index;

	@Autowired
	MockMvc mvc;

	@Test
	void cachedPagesChangeOnceTheWorkerHasEmbeddedTheEpisodes() throws Exception {
		DatabaseCleaner.clean(this.jdbc);
		server.respond("/feed.xml", 200, FeedServer.resource("/feeds/interconnects-feed.xml"), "Content-Type",
				"application/rss+xml; charset=utf-8");
		this.polls.poll().orElseThrow();
		// the model is ready and the vectors of earlier tests' episodes are gone: what is
		// missing is only this archive's vectors
		this.context.getBean(EmbeddingEngine.class).load();
		this.index.refresh();

		var search = page(SEARCH, null);
		var episode = page(EPISODE, null);
		assertThat(text(search)).contains("Search by meaning is not ready yet");
		assertThat(Jsoup.parse(text(episode)).select(".related-episodes")).isEmpty();
		// nothing changed yet: the same tags are still current
		assertThat(page(SEARCH, search.getHeader("ETag")).getStatus()).isEqualTo(304);
		assertThat(page(EPISODE, episode.getHeader("ETag")).getStatus()).isEqualTo(304);

		MeaningFixture.embedAll(this.context);

		var searchAfter = page(SEARCH, search.getHeader("ETag"));
		var episodeAfter = page(EPISODE, episode.getHeader("ETag"));
		assertThat(searchAfter.getStatus()).isEqualTo(200);
		assertThat(searchAfter.getHeader("ETag")).isNotEqualTo(search.getHeader("ETag"));
		assertThat(text(searchAfter)).doesNotContain("not ready yet");
		assertThat(Jsoup.parse(text(searchAfter)).select(".search-by-meaning")).isNotEmpty();
		assertThat(episodeAfter.getStatus()).isEqualTo(200);
		assertThat(episodeAfter.getHeader("ETag")).isNotEqualTo(episode.getHeader("ETag"));
		assertThat(Jsoup.parse(text(episodeAfter)).select(".related-episodes li")).isNotEmpty();
		// and the new state is stable: its tag is current until the next change
		assertThat(page(SEARCH, searchAfter.getHeader("ETag")).getStatus()).isEqualTo(304);
	}

	private MockHttpServletResponse page(String path, String etag) throws Exception {
		var request = get(path);
		if (etag != null) {
			request.header("If-None-Match", etag);
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

	private static String text(MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

}
