package ai.interconnects.archive.support;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Pattern;

import ai.interconnects.archive.api.ArchiveImporter;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fixture feed's archive without a poll: the backup of what polling
 * {@code feeds/interconnects-feed.xml} stores (11 episodes with their chapters,
 * transcripts), restored through the content owner's door for whole episodes
 * ({@code ImportedEpisodes}). Page, API, syndication and speaker tests start from it, so
 * an ingest bug turns the ingest tests red, not theirs; {@code FixtureArchiveTests}
 * proves the backup is still what a poll of the feed stores.
 */
public final class FixtureArchive {

	/** The backup, with {@code {{feed}}} where the show's feed address goes. */
	public static final String RESOURCE = "/archives/interconnects.jsonl";

	/** Where {@link #RESOURCE} writes the show's feed address. */
	public static final String FEED = "{{feed}}";

	private static final Pattern SEEN = Pattern.compile("\"(firstSeenAt|lastSeenAt|updatedAt)\":\"[^\"]+\"");

	private FixtureArchive() {
	}

	/**
	 * Empties the archive and restores the fixture's as the show of {@code feedUrl} (the
	 * configured feed of the test's context, so the show is the configured show).
	 */
	public static void restore(JdbcClient jdbc, ArchiveImporter importer, String feedUrl) {
		DatabaseCleaner.clean(jdbc);
		// seen now, as after a poll: the pages' stamp (and so their cache) follows the
		// latest change, which an earlier restore of the same backup must not equal
		var backup = SEEN
			.matcher(new String(FeedServer.resource(RESOURCE), StandardCharsets.UTF_8).replace(FEED, feedUrl))
			.replaceAll("\"$1\":\"" + Instant.now() + "\"");
		var report = importer.importFrom(new ByteArrayInputStream(backup.getBytes(StandardCharsets.UTF_8)));
		assertThat(report.problems()).as("restoring %s", RESOURCE).isEmpty();
		assertThat(report.episodesNew()).as("episodes restored from %s", RESOURCE).isEqualTo(11);
		// a restored show is polled as one the operator imported; this one is the
		// configured feed's, as the poll that made the backup created it
		jdbc.sql("update podcast set origin = 'CONFIG' where configured_url = ?").param(feedUrl).update();
	}

}
