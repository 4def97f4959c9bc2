package ai.interconnects.archive.syndication;

import java.io.ByteArrayInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import ai.interconnects.archive.library.OpmlLimits;
import ai.interconnects.archive.library.OpmlReader;
import ai.interconnects.archive.library.OpmlShow;
import ai.interconnects.archive.support.DatabaseCleaner;
import ai.interconnects.archive.support.FormatsTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * {@code /opml.xml} read back the way podcast apps import it (the test reader takes the
 * shapes Apple Podcasts, Pocket Casts, AntennaPod, Overcast and Audiobookshelf write and
 * refuses what they would not take).
 */
class OpmlTests extends FormatsTestSupport {

	private final OpmlReader reader = new OpmlReader(OpmlLimits.DEFAULT);

	@Test
	void theListNamesTheShowItsOriginalFeedAndItsPageHere() throws Exception {
		ingestFixture();

		var response = get200("/opml.xml").getResponse();

		assertThat(response.getContentType()).isEqualTo("text/x-opml;charset=UTF-8");
		var report = this.reader.read(new ByteArrayInputStream(response.getContentAsByteArray()));
		assertThat(report.refused()).isEmpty();
		assertThat(report.title()).isEqualTo("Interconnects archive");
		assertThat(report.shows()).extracting(OpmlShow::title, OpmlShow::feedUrl, OpmlShow::htmlUrl)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Interconnects", feeds.url("/feed.xml").toString(),
					"http://localhost/"));
		var root = DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(new ByteArrayInputStream(response.getContentAsByteArray()))
			.getDocumentElement();
		assertThat(root.getAttribute("version")).isEqualTo("2.0");
	}

	@Test
	void aFeedThatMovedIsListedWhereItIsReadNowWithoutItsCredentials() throws Exception {
		ingestFixture();
		// where a confirmed permanent redirect leaves the show; a private feed's password
		// is the operator's, not the public list's
		this.jdbc.sql("update podcast set feed_url = 'https://listener:secret@feeds.example.org/moved.rss?v=2'")
			.update();

		var report = this.reader
			.read(new ByteArrayInputStream(get200("/opml.xml").getResponse().getContentAsByteArray()));

		assertThat(report.shows()).extracting(OpmlShow::feedUrl)
			.containsExactly("https://feeds.example.org/moved.rss?v=2");
	}

	@Test
	void aShowReadFromAFileIsListedWithThisArchivesFeedNeverAServerPath() throws Exception {
		ingestFixture();
		this.jdbc.sql("update podcast set feed_url = 'file:/srv/archive/interconnects-feed.xml'").update();

		var bytes = get200("/opml.xml").getResponse().getContentAsByteArray();

		assertThat(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("/srv/archive");
		assertThat(this.reader.read(new ByteArrayInputStream(bytes)).shows()).extracting(OpmlShow::feedUrl)
			.containsExactly("http://localhost/feed.xml");
	}

	@Test
	void anotherShowsListNamesThatShow() throws Exception {
		serveAnotherShow();
		this.polls.poll().orElseThrow();

		var report = this.reader
			.read(new ByteArrayInputStream(get200("/opml.xml").getResponse().getContentAsByteArray()));

		assertThat(report.title()).isEqualTo("Open Weights Weekly archive");
		assertThat(report.shows()).extracting(OpmlShow::title).containsExactly("Open Weights Weekly");
	}

	@Test
	void beforeAnyFeedWasReadThereIsNoListToOffer() throws Exception {
		DatabaseCleaner.clean(this.jdbc);

		assertThat(this.mvc.perform(get("/opml.xml")).andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void aRepeatedRequestWithTheETagIsNotModified() throws Exception {
		ingestFixture();

		var etag = get200("/opml.xml").getResponse().getHeader("ETag");

		assertThat(etag).startsWith("\"");
		var again = this.mvc.perform(get("/opml.xml").header("If-None-Match", etag)).andReturn().getResponse();
		assertThat(again.getStatus()).isEqualTo(304);
	}

}
