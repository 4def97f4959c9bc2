package ai.interconnects.archive.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import ai.interconnects.archive.support.FeedServer;
import ai.interconnects.archive.support.FormatsTestSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the backup tests: a library of three shows stored by the poll itself (the
 * Podcasting 2.0 fixture with its publisher's transcript and chapter files, the persons
 * fixture, Interconnects), the export as bytes and as parsed lines.
 */
abstract class ImportTestSupport extends FormatsTestSupport {

	@Autowired
	JsonMapper json;

	@Autowired
	ArchiveImporter importer;

	/** Polls three shows, one after the other, through the configured feed's poll. */
	void pollThreeShows() {
		serveAnotherShow();
		feeds.respond("/files/ep3-chapters.json", 200, FeedServer.resource("/feeds/chapters.json"), "Content-Type",
				"application/json+chapters");
		pollAndMoveAside("/shows/podcasting20.xml");
		feeds.respond("/feed.xml", 200, FeedServer.resource("/feeds/persons-feed.xml"), "Content-Type",
				"application/rss+xml");
		pollAndMoveAside("/shows/persons.xml");
		feeds.respond("/feed.xml", 200, FIXTURE, "Content-Type", "application/rss+xml; charset=utf-8");
		assertThat(this.polls.poll()).isPresent();
		assertThat(count("podcast")).isEqualTo(3);
	}

	/**
	 * Polls the configured feed, then gives its row another address, as a second show's.
	 */
	private void pollAndMoveAside(String path) {
		assertThat(this.polls.poll()).isPresent();
		var url = feeds.url(path).toString();
		this.jdbc.sql("update podcast set configured_url = ?, feed_url = ? where configured_url = ?")
			.params(url, url, feeds.url("/feed.xml").toString())
			.update();
	}

	byte[] export() throws Exception {
		return get200("/export.jsonl.gz").getResponse().getContentAsByteArray();
	}

	List<JsonNode> lines(byte[] gzip) {
		try {
			var text = new String(new GZIPInputStream(new ByteArrayInputStream(gzip)).readAllBytes(),
					StandardCharsets.UTF_8);
			var lines = new ArrayList<JsonNode>();
			for (var line : text.split("\n")) {
				lines.add(this.json.readTree(line));
			}
			return lines;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	ImportReport importBytes(byte[] bytes) {
		return this.importer.importFrom(new ByteArrayInputStream(bytes));
	}

	long count(String table) {
		return this.jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
