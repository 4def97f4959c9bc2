package ai.interconnects.archive.episode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import ai.interconnects.archive.feed.client.FeedItem;
import ai.interconnects.archive.transcript.ParsedDescription;
import ai.interconnects.archive.web.Slugs;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The write side of restoring a backup: one episode of a backup stored in one
 * transaction. An episode the archive does not have (by show and GUID) is inserted as the
 * backup has it, timestamps and slug included ({@code -2}, {@code -3} … when another
 * episode has the slug). An episode the archive has keeps what it has: its metadata stay
 * as its feed gave them, and the backup's chapters and transcript are offered to
 * {@link EpisodeContent}'s rule like any other source (richer wins, nothing shorter
 * replaces). Search rows, statistics and the meaning index follow by the same triggers as
 * a poll's writes.
 */
@Component
public class ImportedEpisodes {

	/** What storing one episode did. */
	public enum Outcome {

		/** Inserted. */
		NEW,
		/** The archive had it and keeps what it has. */
		KEPT,
		/** The archive had it, and the backup's chapters or transcript won. */
		ENRICHED

	}

	private final JdbcClient jdbc;

	private final EpisodeRepository episodes;

	private final EpisodeContent content;

	private final EpisodePersons persons;

	private final EpisodeAlternates alternates;

	private final EpisodeSlugs slugs;

	ImportedEpisodes(JdbcClient jdbc, EpisodeRepository episodes, EpisodeContent content, EpisodePersons persons,
			EpisodeAlternates alternates, EpisodeSlugs slugs) {
		this.slugs = slugs;
		this.jdbc = jdbc;
		this.episodes = episodes;
		this.content = content;
		this.persons = persons;
		this.alternates = alternates;
	}

	/**
	 * Stores {@code imported} in the show {@code podcastId}.
	 * @throws IllegalArgumentException when it lacks what an episode must have
	 */
	@Transactional
	public Outcome store(long podcastId, ImportedEpisode imported, Instant now) {
		check(imported);
		var existing = this.episodes.findByPodcastIdAndGuid(podcastId, imported.guid());
		if (existing.isEmpty()) {
			long id = insert(podcastId, imported);
			var episode = this.episodes.findById(id).orElseThrow();
			this.content.offerChapters(episode, source(imported.chaptersSource()), imported.chaptersUrl(),
					chapters(imported.chapters()));
			this.content.offerTranscript(episode, source(imported.transcriptSource()), imported.transcriptUrl(),
					imported.transcriptType(), segments(imported.segments()));
			this.persons.insert(id, imported.persons());
			this.alternates.insert(id, imported.alternates());
			return Outcome.NEW;
		}
		var episode = existing.get();
		long id = episode.getId();
		boolean enriched = false;
		// what the archive already holds as the backup has it is left alone: re-importing
		// a backup rewrites nothing
		if (!imported.chapters().isEmpty() && !imported.chapters().equals(storedChapters(id))) {
			enriched = this.content.offerChapters(episode, source(imported.chaptersSource()), imported.chaptersUrl(),
					chapters(imported.chapters()));
		}
		if (!imported.segments().isEmpty() && !imported.segments().equals(storedSegments(id))) {
			enriched |= this.content.offerTranscript(episode, source(imported.transcriptSource()),
					imported.transcriptUrl(), imported.transcriptType(), segments(imported.segments()));
		}
		if (enriched) {
			episode.reparsed(now);
			return Outcome.ENRICHED;
		}
		return Outcome.KEPT;
	}

	private static void check(ImportedEpisode imported) {
		if (blank(imported.guid()) || blank(imported.title()) || blank(imported.contentHash())) {
			throw new IllegalArgumentException("an episode needs its guid, title and contentHash");
		}
		if (imported.firstSeenAt() == null || imported.lastSeenAt() == null || imported.updatedAt() == null) {
			throw new IllegalArgumentException("an episode needs firstSeenAt, lastSeenAt and updatedAt");
		}
	}

	private long insert(long podcastId, ImportedEpisode e) {
		return this.jdbc.sql("""
				insert into episode (podcast_id, guid, slug, title, published_at, duration_seconds, audio_url,
					audio_type, audio_length, audio_key, link, image_url, episode_type, season, episode_number,
					raw_description, show_notes_html, summary, parse_warnings, content_hash, first_seen_at,
					last_seen_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(podcastId, e.guid(), uniqueSlug(e), e.title(), at(e.publishedAt()), e.durationSeconds(),
					e.audioUrl(), e.audioType(), e.audioLength(), FeedItem.audioKey(e.audioUrl()), e.link(),
					e.imageUrl(), e.episodeType(), e.season(), e.number(), e.rawDescription(), e.showNotesHtml(),
					e.summary(), e.parseWarnings(), e.contentHash(), at(e.firstSeenAt()), at(e.lastSeenAt()),
					at(e.updatedAt()))
			.query(Long.class)
			.single();
	}

	/** The backup's slug where it is free (episode slugs are unique archive-wide). */
	private String uniqueSlug(ImportedEpisode e) {
		return this.slugs.free(blank(e.slug()) ? Slugs.of(e.title(), e.guid()) : e.slug());
	}

	private List<StoredChapter> storedChapters(long id) {
		return this.jdbc
			.sql("select " + ExportColumns.STORED_CHAPTERS + " from chapter where episode_id = ? order by position")
			.param(id)
			.query((rs, n) -> ExportColumns.storedChapter(rs))
			.list();
	}

	private List<StoredSegment> storedSegments(long id) {
		return this.jdbc
			.sql("select " + ExportColumns.STORED_SEGMENTS
					+ " from transcript_segment where episode_id = ? order by position")
			.param(id)
			.query((rs, n) -> ExportColumns.storedSegment(rs))
			.list();
	}

	private static List<ParsedDescription.Chapter> chapters(List<StoredChapter> chapters) {
		return chapters.stream()
			.map((c) -> new ParsedDescription.Chapter(c.startSeconds(), c.endSeconds(), c.title(), c.url(),
					c.imageUrl()))
			.toList();
	}

	private static List<ParsedDescription.Segment> segments(List<StoredSegment> segments) {
		return segments.stream()
			.map((s) -> new ParsedDescription.Segment(s.startSeconds(), s.endSeconds(), s.speaker(), s.text()))
			.toList();
	}

	/**
	 * The source a backup names; content stored before sources were recorded: the
	 * description.
	 */
	private static ContentSource source(String name) {
		return (name != null) ? ContentSource.valueOf(name) : ContentSource.DESCRIPTION;
	}

	private static OffsetDateTime at(Instant instant) {
		return (instant != null) ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : null;
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

}
