package ai.interconnects.archive.api;

import ai.interconnects.archive.show.Shows;

import ai.interconnects.archive.episode.ExportColumns;

import ai.interconnects.archive.episode.PersonEntry;

import ai.interconnects.archive.episode.SegmentEntry;

import ai.interconnects.archive.episode.AlternateEntry;
import ai.interconnects.archive.episode.ChapterEntry;

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

import javax.sql.DataSource;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The backup-and-migrate format: one JSON object per line (JSON Lines), one line per
 * episode, oldest stored first, with everything needed to rebuild the archive: its
 * identity, metadata, the raw description as received, the derived show notes, chapters
 * and transcript paragraphs, the people the item names and the other files of its media.
 * See README "Export".
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

	private final Shows shows;

	ArchiveExporter(DataSource dataSource, JsonMapper json, Shows shows) {
		this.shows = shows;
		this.dataSource = dataSource;
		this.json = json;
	}

	record Audio(String url, String type, Long length) {
	}

	/** One line of the export. */
	record Line(int format, String feedUrl, String guid, String slug, String title, Instant publishedAt,
			Integer durationSeconds, Audio audio, String link, String imageUrl, String episodeType,
			String rawDescription, String showNotesHtml, String summary, String contentHash, Instant firstSeenAt,
			Instant lastSeenAt, Instant updatedAt, List<ChapterEntry> chapters, List<SegmentEntry> segments,
			List<PersonEntry> persons, Integer season, Integer episode, List<AlternateEntry> alternateEnclosures) {
	}

	/** Writes every episode to {@code out} (not closed); returns how many. */
	long export(OutputStream out) throws IOException {
		try (var connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			connection.setReadOnly(true);
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			var feedUrls = this.shows.configuredUrls();
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
					boolean moreChapters = c.next();
					boolean moreSegments = s.next();
					boolean morePersons = p.next();
					boolean moreFiles = a.next();
					while (e.next()) {
						long id = e.getLong(1);
						var chapterList = new ArrayList<ChapterEntry>();
						while (moreChapters && c.getLong(1) <= id) {
							if (c.getLong(1) == id) {
								chapterList.add(ExportColumns.chapter(c));
							}
							moreChapters = c.next();
						}
						var segmentList = new ArrayList<SegmentEntry>();
						while (moreSegments && s.getLong(1) <= id) {
							if (s.getLong(1) == id) {
								segmentList.add(ExportColumns.segment(s));
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
						out.write(this.json.writeValueAsBytes(line(e, feedUrls.get(e.getLong("podcast_id")),
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

	private static Line line(ResultSet e, String feedUrl, List<ChapterEntry> chapters, List<SegmentEntry> segments,
			List<PersonEntry> persons, List<AlternateEntry> alternates) throws SQLException {
		var audio = (e.getString("audio_url") != null)
				? new Audio(e.getString("audio_url"), e.getString("audio_type"), (Long) e.getObject("audio_length"))
				: null;
		return new Line(FORMAT_VERSION, feedUrl, e.getString("guid"), e.getString("slug"), e.getString("title"),
				instant(e.getTimestamp("published_at")), (Integer) e.getObject("duration_seconds"), audio,
				e.getString("link"), e.getString("image_url"), e.getString("episode_type"),
				e.getString("raw_description"), e.getString("show_notes_html"), e.getString("summary"),
				e.getString("content_hash"), instant(e.getTimestamp("first_seen_at")),
				instant(e.getTimestamp("last_seen_at")), instant(e.getTimestamp("updated_at")), chapters, segments,
				persons, (Integer) e.getObject("season"), (Integer) e.getObject("episode_number"), alternates);
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
