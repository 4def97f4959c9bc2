package ai.interconnects.archive.support;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import ai.interconnects.archive.api.ArchiveImporter;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fixture feed's archive without a poll: the backup of what polling
 * {@code feeds/NAME.xml} stores (its episodes with their chapters, transcripts and
 * persons), {@code archives/NAME.jsonl}, restored through the content owner's door for
 * whole episodes ({@code ImportedEpisodes}). Page, API, syndication and speaker tests
 * start from it, so an ingest bug turns the ingest tests red, not theirs;
 * {@code FixtureArchiveTests} proves each backup is still what a poll of its feed stores.
 */
public final class FixtureArchive {

	/** The feeds (in {@code feeds/}) that have a backup (in {@code archives/}). */
	public static final List<String> FEEDS = List.of("interconnects-feed.xml", "interviews-feed.xml",
			"persons-feed.xml");

	/** Where a backup writes the show's feed address. */
	public static final String FEED = "{{feed}}";

	private static final Pattern SEEN = Pattern.compile("\"(firstSeenAt|lastSeenAt|updatedAt)\":\"[^\"]+\"");

	private FixtureArchive() {
	}

	/** The backup of {@code feed} (a file name in {@code feeds/}), as a resource. */
	public static String backup(String feed) {
		return "/archives/" + feed.replaceFirst("\\.xml$", ".jsonl");
	}

	/**
	 * Empties the archive and restores the archive of {@code feed} (a file name in
	 * {@link #FEEDS}) as the show of {@code feedUrl} (the configured feed of the test's
	 * context, so the show is the configured show).
	 */
	public static void restore(JdbcClient jdbc, ArchiveImporter importer, String feedUrl, String feed) {
		restore(jdbc, importer, feedUrl, feed, UnaryOperator.identity());
	}

	/**
	 * As {@link #restore(JdbcClient, ArchiveImporter, String, String)}, with the backup's
	 * text rewritten first (the browser tests put its media on loopback).
	 */
	public static void restore(JdbcClient jdbc, ArchiveImporter importer, String feedUrl, String feed,
			UnaryOperator<String> rewrite) {
		DatabaseCleaner.clean(jdbc);
		var resource = backup(feed);
		var text = rewrite
			.apply(new String(FeedServer.resource(resource), StandardCharsets.UTF_8).replace(FEED, feedUrl));
		// seen now, as after a poll: the pages' stamp (and so their cache) follows the
		// latest change, which an earlier restore of the same backup must not equal
		var backup = SEEN.matcher(text).replaceAll("\"$1\":\"" + Instant.now() + "\"");
		var report = importer.importFrom(new ByteArrayInputStream(backup.getBytes(StandardCharsets.UTF_8)));
		assertThat(report.problems()).as("restoring %s", resource).isEmpty();
		assertThat(report.episodesNew()).as("episodes restored from %s", resource)
			.isEqualTo(text.lines().filter((line) -> line.contains("\"type\":\"episode\"")).count());
		// a restored show is polled as one the operator imported; this one is the
		// configured feed's, as the poll that made the backup created it
		jdbc.sql("update podcast set origin = 'CONFIG' where configured_url = ?").param(feedUrl).update();
	}

}
