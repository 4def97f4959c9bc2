package ai.interconnects.archive.poll;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

import ai.interconnects.archive.feed.client.FeedClient;
import ai.interconnects.archive.show.LibraryEntry;
import ai.interconnects.archive.show.PodcastRepository;
import ai.interconnects.archive.support.ArchiveTest;
import ai.interconnects.archive.support.DatabaseCleaner;
import ai.interconnects.archive.support.FeedServer;
import ai.interconnects.archive.support.WithFeedServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@code archive.library.opml}: shows added once, never removed, a removed one not
 * re-added.
 */
@WithFeedServer
@ArchiveTest
class LibraryListingTests {

	@Autowired
	FeedClient client;

	@Autowired
	LibraryAdditions additions;

	@Autowired
	PodcastRepository podcasts;

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@BeforeEach
	void clean() {
		DatabaseCleaner.clean(this.jdbc);
	}

	@Test
	void eachListedShowIsAddedOnceAndARemovedOneIsNotAddedAgain() throws Exception {
		var list = this.dir.resolve("shows.opml");
		Files.writeString(list, """
				<?xml version="1.0"?>
				<opml version="2.0"><head><title>Shows</title></head><body>
				<outline text="Folder">
				  <outline type="rss" text="Alpha" xmlUrl="https://alpha.example.com/feed.xml"/>
				  <outline type="rss" text="Beta" title="Beta Show" xmlUrl="https://beta.example.net/rss"/>
				</outline>
				<outline type="rss" text="Alpha again" xmlUrl="https://ALPHA.example.com/feed.xml"/>
				<outline type="rss" text="By FTP" xmlUrl="ftp://example.org/feed.xml"/>
				</body></opml>
				""");
		var listing = listing("file:" + list);

		listing.read();

		var first = listing.last().orElseThrow();
		assertThat(first.failure()).isNull();
		assertThat(first.additions()).extracting(LibraryAdditions.Addition::label, LibraryAdditions.Addition::result)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Alpha", LibraryAdditions.Result.ADDED),
					org.assertj.core.groups.Tuple.tuple("Beta Show", LibraryAdditions.Result.ADDED),
					org.assertj.core.groups.Tuple.tuple("Alpha again", LibraryAdditions.Result.REFUSED),
					org.assertj.core.groups.Tuple.tuple("By FTP", LibraryAdditions.Result.REFUSED));
		assertThat(first.additions().get(3).reason()).contains("ftp");
		assertThat(this.podcasts.findAll()).extracting((p) -> p.entry().origin().name()).containsOnly("OPML");

		var alpha = this.podcasts.findByConfiguredUrl("https://alpha.example.com/feed.xml").orElseThrow();
		alpha.entry().remove(Instant.now());
		this.podcasts.save(alpha);
		listing.read();

		assertThat(this.podcasts.count()).isEqualTo(2);
		assertThat(this.podcasts.findById(alpha.getId()).orElseThrow().entry().removedAt()).isNotNull();
		assertThat(listing.last().orElseThrow().additions()).filteredOn((a) -> a.label().equals("Alpha"))
			.singleElement()
			.satisfies((a) -> assertThat(a.reason()).contains("removed"));
	}

	@Test
	void twoReadingsAtOnceAddEachShowOnce() throws Exception {
		var outlines = new StringBuilder();
		for (int i = 1; i <= 60; i++) {
			outlines.append("<outline type=\"rss\" text=\"Show ")
				.append(i)
				.append("\" xmlUrl=\"https://show")
				.append(i)
				.append(".example.com/feed.xml\"/>\n");
		}
		var report = new ai.interconnects.archive.library.OpmlReader(
				ai.interconnects.archive.library.OpmlLimits.DEFAULT)
			.read(new java.io.ByteArrayInputStream(
					("<?xml version=\"1.0\"?><opml version=\"2.0\"><body>" + outlines + "</body></opml>")
						.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		// the start-up reading and the first poll tick
		var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			var start = new java.util.concurrent.CountDownLatch(1);
			java.util.concurrent.Callable<java.util.List<LibraryAdditions.Addition>> reading = () -> {
				start.await();
				return this.additions.addListed(report, LibraryEntry.Origin.OPML);
			};
			var one = pool.submit(reading);
			var two = pool.submit(reading);
			start.countDown();
			var added = java.util.stream.Stream.concat(one.get().stream(), two.get().stream())
				.filter((a) -> a.result() == LibraryAdditions.Result.ADDED)
				.count();

			// each show is reported added by one reading only, and found there by the
			// other
			assertThat(added).isEqualTo(60);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.podcasts.count()).isEqualTo(60);
	}

	@Test
	void aListServedOverHttpIsReadThroughTheFeedClient(FeedServer server) {
		server.respond("/shows.opml", 200, FeedServer.resource("/opml/pocket-casts.opml"), "Content-Type",
				"text/x-opml");
		var listing = listing(server.url("/shows.opml").toString());

		listing.read();

		assertThat(listing.last().orElseThrow().failure()).isNull();
		assertThat(this.podcasts.count()).isPositive();
	}

	@Test
	void aHostileListIsRefusedWholeWithItsReasonAndAddsNothing() throws Exception {
		var list = this.dir.resolve("laughs.opml");
		Files.write(list, FeedServer.resource("/opml/billion-laughs.opml"));
		var listing = listing("file:" + list);

		listing.read();

		assertThat(listing.last().orElseThrow().failure()).contains("DOCTYPE");
		assertThat(this.podcasts.count()).isZero();
	}

	@Test
	void aMissingFileIsReportedNotThrown() {
		var listing = listing("file:" + this.dir.resolve("nowhere.opml"));

		listing.read();

		assertThat(listing.last().orElseThrow().failure()).contains("nowhere.opml");
	}

	@Test
	void theLocationMustBeAFileOrAnHttpUrl() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties("ftp://example.org/shows.opml"))
			.withMessageContaining("archive.library.opml");
		assertThatIllegalArgumentException().isThrownBy(() -> properties("file:"))
			.withMessageContaining("names no file");
		assertThat(properties("https://example.org/shows.opml").opmlIsFile()).isFalse();
		assertThat(properties("  ").opml()).isNull();
	}

	private LibraryListing listing(String location) {
		return new LibraryListing(properties(location), this.client, this.additions, this.clock);
	}

	private static LibraryProperties properties(String location) {
		return new LibraryProperties(location, DataSize.ofMegabytes(1), 1000, 100);
	}

}
