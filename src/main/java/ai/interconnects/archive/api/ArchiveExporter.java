package ai.interconnects.archive.api;

import ai.interconnects.archive.episode.AlternateEntry;
import ai.interconnects.archive.episode.ExportColumns;
import ai.interconnects.archive.episode.PersonEntry;
import ai.interconnects.archive.episode.StoredChapter;
import ai.interconnects.archive.episode.StoredSegment;
import ai.interconnects.archive.show.ShowRows;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The backup-and-migrate format: one JSON object per line (JSON Lines): first one line
 * per show ({@code type: "show"}), then one line per episode ({@code type: "episode"}),
 * oldest stored first, with everything needed to rebuild the archive: its show, identity,
 * metadata, the raw description as received, the derived show notes, chapters and
 * transcript paragraphs and where they came from, the people the item names and the other
 * files of its media. {@link ArchiveImporter} reads it back. See README "Backup and
 * restore".
 * <p>
 * Memory stays bounded however large the archive: the episodes, chapters, segments and
 * persons are read through four server-side cursors (ordered by episode, merged here) in
 * one read-only repeatable-read transaction, so all four see one snapshot, and only one
 * episode is held at a time.
 */
@Component
class ArchiveExporter {

	/** Increased when a field changes meaning or disappears; new fields keep it. */
	static final int FORMAT_VERSION = 1;

	private static final int FETCH_SIZE = 1000;

	private final DataSource dataSource;

	private final JsonMapper json;

	private final ShowRows shows;

	ArchiveExporter(DataSource dataSource, JsonMapper json, ShowRows shows) {
		this.shows = shows;
		this.dataSource = dataSource;
		this.json = json;
	}

	record Audio(String url, String type, Long length) {
	}

	/** The show an episode line belongs to. */
	record ShowRef(String slug, String title) {
	}

	/** A show's line: its row as {@link ShowRows.ShowRow} has it. */
	record ShowLine(int format, String type, String slug, String title, String feedUrl, String configuredUrl,
			String link, String imageUrl, String author, String description, String copyright, String language,
			String showType, String origin) {

		static ShowLine of(ShowRows.ShowRow row) {
			return new ShowLine(FORMAT_VERSION, SHOW, row.slug(), row.title(), row.feedUrl(), row.configuredUrl(),
					row.link(), row.imageUrl(), row.author(), row.description(), row.copyright(), row.language(),
					row.showType(), row.origin());
		}

		ShowRows.ShowRow row() {
			return new ShowRows.ShowRow(this.slug, this.title, this.feedUrl, this.configuredUrl, this.link,
					this.imageUrl, this.author, this.description, this.copyright, this.language, this.showType,
					this.origin);
		}

	}

	static final String SHOW = "show";

	static final String EPISODE = "episode";

	/** An episode's line (lines of the first exports have no type, show or sources). */
	record Line(int format, String type, String feedUrl, ShowRef show, String guid, String slug, String title,
			Instant publishedAt, Integer durationSeconds, Audio audio, String link, String imageUrl, String episodeType,
			String rawDescription, String showNotesHtml, String summary, String contentHash, Instant firstSeenAt,
			Instant lastSeenAt, Instant updatedAt, List<StoredChapter> chapters, List<StoredSegment> segments,
			List<PersonEntry> persons, Integer season, Integer episode, List<AlternateEntry> alternateEnclosures,
			String transcriptSource, String transcriptUrl, String transcriptType, String chaptersSource,
			String chaptersUrl, String parseWarnings) {
	}

	/**
	 * Writes every show and episode to {@code out} (not closed); returns how many
	 * episodes.
	 */
	long export(OutputStream out) throws IOException {
		try (var connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			connection.setReadOnly(true);
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			try (var episodes = cursor(connection, ExportColumns.EPISODES);
					var chapters = cursor(connection, ExportColumns.ALL_CHAPTERS);
					var segments = cursor(connection, ExportColumns.ALL_SEGMENTS);
					var people = cursor(connection, ExportColumns.ALL_PERSONS);
					var files = cursor(connection, ExportColumns.ALL_ALTERNATES)) {
				long count = 0;
				try (var e = episodes.executeQuery();
						var c = chapters.executeQuery();
						var s = segments.executeQuery();
						var p = people.executeQuery();
						var a = files.executeQuery()) {
					// read after the snapshot began: every show an episode of it names is
					// here
					Map<Long, ShowRows.ShowRow> showRows = this.shows.all();
					for (var row : showRows.values()) {
						out.write(this.json.writeValueAsBytes(ShowLine.of(row)));
						out.write('\n');
					}
					boolean moreChapters = c.next();
					boolean moreSegments = s.next();
					boolean morePersons = p.next();
					boolean moreFiles = a.next();
					while (e.next()) {
						long id = e.getLong(1);
						var chapterList = new ArrayList<StoredChapter>();
						while (moreChapters && c.getLong(1) <= id) {
							if (c.getLong(1) == id) {
								chapterList.add(ExportColumns.storedChapter(c));
							}
							moreChapters = c.next();
						}
						var segmentList = new ArrayList<StoredSegment>();
						while (moreSegments && s.getLong(1) <= id) {
							if (s.getLong(1) == id) {
								segmentList.add(ExportColumns.storedSegment(s));
							}
							moreSegments = s.next();
						}
						var personList = new ArrayList<PersonEntry>();
						while (morePersons && p.getLong(1) <= id) {
							if (p.getLong(1) == id) {
								personList.add(ExportColumns.person(p));
							}
							morePersons = p.next();
						}
						var fileList = new ArrayList<AlternateEntry>();
						while (moreFiles && a.getLong(1) <= id) {
							if (a.getLong(1) == id) {
								fileList.add(ExportColumns.alternate(a));
							}
							moreFiles = a.next();
						}
						out.write(this.json.writeValueAsBytes(line(e, showRows.get(e.getLong("podcast_id")),
								chapterList, segmentList, personList, fileList)));
						out.write('\n');
						count++;
					}
				}
				connection.commit();
				return count;
			}
		}
		catch (SQLException ex) {
			throw new IOException("Export failed", ex);
		}
	}

	private static PreparedStatement cursor(Connection connection, String sql) throws SQLException {
		var statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
		statement.setFetchSize(FETCH_SIZE);
		return statement;
	}

	private static Line line(ResultSet e, ShowRows.ShowRow show, List<StoredChapter> chapters,
			List<StoredSegment> segments, List<PersonEntry> persons, List<AlternateEntry> alternates)
			throws SQLException {
		var audio = (e.getString("audio_url") != null)
				? new Audio(e.getString("audio_url"), e.getString("audio_type"), (Long) e.getObject("audio_length"))
				: null;
		return new Line(FORMAT_VERSION, EPISODE, (show != null) ? show.configuredUrl() : null,
				(show != null) ? new ShowRef(show.slug(), show.title()) : null, e.getString("guid"),
				e.getString("slug"), e.getString("title"), instant(e.getTimestamp("published_at")),
				(Integer) e.getObject("duration_seconds"), audio, e.getString("link"), e.getString("image_url"),
				e.getString("episode_type"), e.getString("raw_description"), e.getString("show_notes_html"),
				e.getString("summary"), e.getString("content_hash"), instant(e.getTimestamp("first_seen_at")),
				instant(e.getTimestamp("last_seen_at")), instant(e.getTimestamp("updated_at")), chapters, segments,
				persons, (Integer) e.getObject("season"), (Integer) e.getObject("episode_number"), alternates,
				e.getString("transcript_source"), e.getString("transcript_url"), e.getString("transcript_type"),
				e.getString("chapters_source"), e.getString("chapters_url"), e.getString("parse_warnings"));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
