package ai.interconnects.archive.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import ai.interconnects.archive.episode.ImportedEpisode;
import ai.interconnects.archive.episode.ImportedEpisodes;
import ai.interconnects.archive.episode.PersonEntry;
import ai.interconnects.archive.episode.StoredChapter;
import ai.interconnects.archive.episode.StoredSegment;
import ai.interconnects.archive.show.ShowRows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Test data without a feed or a poll: shows and episodes with their chapters, transcript
 * and persons, written through the owners' doors ({@link ShowRows#resolve} for the show,
 * {@link ImportedEpisodes#store} for an episode, which offers the content to the content
 * owner's rule like any source), so search rows and statistics follow by the same
 * triggers as a poll's. Works in the whole application and in the database slice with
 * {@code ContentWriting} imported.
 *
 * <pre>
 * var show = archive.show("Chapters show");
 * show.episode("Episode 1").publishedAt("2026-02-01T10:00:00Z").chapter(0, "Opening")
 *     .segment(12, "Nathan Lambert", "Hello").store();
 * </pre>
 */
public final class TestArchive {

	private static final Instant SEEN = Instant.parse("2026-12-01T00:00:00Z");

	private final ShowRows shows;

	private final ImportedEpisodes episodes;

	private final TransactionTemplate tx;

	private final JdbcClient jdbc;

	public TestArchive(ShowRows shows, ImportedEpisodes episodes, PlatformTransactionManager transactions,
			JdbcClient jdbc) {
		this.shows = shows;
		this.episodes = episodes;
		this.tx = new TransactionTemplate(transactions);
		this.jdbc = jdbc;
	}

	/**
	 * The show titled {@code title} (created once), its feed a loopback address no test
	 * serves unless it names its own with {@link #show(String, String)}.
	 */
	public Show show(String title) {
		return show(title, "http://127.0.0.1:9/" + Math.abs(title.hashCode()) + "/feed.xml");
	}

	public Show show(String title, String feedUrl) {
		var row = new ShowRows.ShowRow(null, title, feedUrl, feedUrl, "https://example.com/", null, null, null, null,
				"en", null, null);
		var resolved = this.tx.execute((status) -> this.shows.resolve(row, SEEN));
		return new Show(resolved.id());
	}

	/** A show of the archive, to add episodes to. */
	public final class Show {

		private final long id;

		Show(long id) {
			this.id = id;
		}

		public long id() {
			return this.id;
		}

		public EpisodeBuilder episode(String title) {
			return new EpisodeBuilder(this.id, title);
		}

	}

	/**
	 * One episode being written; {@link #store()} writes it. Times are in seconds; a
	 * segment's start may be null (untimed).
	 */
	public final class EpisodeBuilder {

		private final long show;

		private final String title;

		private String guid;

		private String slug;

		private Instant publishedAt;

		private Integer durationSeconds = 1200;

		private String notes;

		private final List<StoredChapter> chapters = new ArrayList<>();

		private final List<StoredSegment> segments = new ArrayList<>();

		private final List<PersonEntry> persons = new ArrayList<>();

		EpisodeBuilder(long show, String title) {
			this.show = show;
			this.title = title;
			this.guid = "test:" + show + ":" + title;
		}

		public EpisodeBuilder guid(String guid) {
			this.guid = guid;
			return this;
		}

		public EpisodeBuilder slug(String slug) {
			this.slug = slug;
			return this;
		}

		public EpisodeBuilder publishedAt(String instant) {
			this.publishedAt = Instant.parse(instant);
			return this;
		}

		/** The episode's length; null: the feed gives none. */
		public EpisodeBuilder durationSeconds(Integer seconds) {
			this.durationSeconds = seconds;
			return this;
		}

		/** Show notes, as the feed's description gives them (HTML). */
		public EpisodeBuilder notes(String html) {
			this.notes = html;
			return this;
		}

		public EpisodeBuilder chapter(int startSeconds, String title) {
			return chapter(startSeconds, null, title);
		}

		/** A chapter with the end its source gives (null: none). */
		public EpisodeBuilder chapter(int startSeconds, Integer endSeconds, String title) {
			this.chapters.add(new StoredChapter(this.chapters.size(), startSeconds, endSeconds, title, null, null));
			return this;
		}

		public EpisodeBuilder segment(Integer startSeconds, String speaker, String text) {
			this.segments.add(new StoredSegment(this.segments.size(), startSeconds, speaker, text, null));
			return this;
		}

		public EpisodeBuilder person(String name, String role) {
			this.persons.add(new PersonEntry(name, role, "cast", null, null));
			return this;
		}

		/** Writes the episode; returns its slug. */
		public String store() {
			var notes = (this.notes != null) ? this.notes : "<p>" + this.title + ".</p>";
			var episode = new ImportedEpisode(this.guid, this.slug, this.title, this.publishedAt, this.durationSeconds,
					"https://example.com/audio/" + Math.abs(this.guid.hashCode()) + ".mp3", "audio/mpeg", 1000L, null,
					null, "full", null, null, notes, notes, null, "test:" + this.guid.hashCode(), SEEN, SEEN, SEEN,
					this.segments.isEmpty() ? null : "DESCRIPTION", null, null,
					this.chapters.isEmpty() ? null : "DESCRIPTION", null, null, this.chapters, this.segments,
					this.persons, List.of());
			TestArchive.this.episodes.store(this.show, episode, SEEN);
			return TestArchive.this.jdbc.sql("select slug from episode where podcast_id = ? and guid = ?")
				.params(this.show, this.guid)
				.query(String.class)
				.single();
		}

	}

}
