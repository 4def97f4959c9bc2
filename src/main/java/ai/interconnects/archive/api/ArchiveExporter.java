package ai.interconnects.archive.api;

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

import ai.interconnects.archive.episode.EpisodeAlternates;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The backup-and-migrate format: one JSON object per line (JSON Lines), one line per
 * episode, oldest stored first, with everything needed to rebuild the archive: its
 * identity, metadata, the raw description as received, the derived show notes, chapters
 * and transcript paragraphs, the people the item names and the other files of its media.
 * See README "Export".
 * <p>
 * Memory stays bounded however large the archive: the episodes, chapters, segments,
 * persons and alternate files are read through server-side cursors (ordered by episode,
 * merged here) in one read-only repeatable-read transaction, so all see one snapshot, and
 * only one episode is held at a time.
 */
@Component
class ArchiveExporter {

	/** Increased when a field changes meaning or disappears; new fields keep it. */
	static final int FORMAT_VERSION = 1;

	private static final int FETCH_SIZE = 1000;

	private final DataSource dataSource;

	private final JsonMapper json;

	private final EpisodeAlternates alternates;

	ArchiveExporter(DataSource dataSource, JsonMapper json, EpisodeAlternates alternates) {
		this.dataSource = dataSource;
		this.json = json;
		this.alternates = alternates;
	}

	record Audio(String url, String type, Long length) {
	}

	/** {@code endSeconds}: only where the source gave an end. */
	record Chapter(int position, int startSeconds, Integer endSeconds, String title) {
	}

	record Segment(int position, Integer startSeconds, String speaker, String text) {
	}

	/** A person the item names ({@code podcast:person}). */
	record Person(String name, String role, String group, String img, String href) {
	}

	/** One line of the export. */
	record Line(int format, String feedUrl, String guid, String slug, String title, Instant publishedAt,
			Integer durationSeconds, Audio audio, String link, String imageUrl, String episodeType,
			String rawDescription, String showNotesHtml, String summary, String contentHash, Instant firstSeenAt,
			Instant lastSeenAt, Instant updatedAt, List<Chapter> chapters, List<Segment> segments, List<Person> persons,
			Integer season, Integer episode, List<Alternate> alternateEnclosures) {
	}

	/** Another file of the media ({@code podcast:alternateEnclosure}), as stored. */
	record Alternate(String type, Long length, Long bitrate, Integer height, String lang, String title, String rel,
			String codecs, @JsonProperty("default") boolean isDefault, List<EpisodeAlternates.Source> sources) {
	}

	/** Writes every episode to {@code out} (not closed); returns how many. */
	long export(OutputStream out) throws IOException {
		try (var connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			connection.setReadOnly(true);
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			try (var episodes = cursor(connection, """
					select e.id, p.configured_url, e.guid, e.slug, e.title, e.published_at, e.duration_seconds,
						e.audio_url, e.audio_type, e.audio_length, e.link, e.image_url, e.episode_type,
						e.raw_description, e.show_notes_html, e.summary, e.content_hash, e.first_seen_at,
						e.last_seen_at, e.updated_at, e.season, e.episode_number
					from episode e join podcast p on p.id = e.podcast_id
					order by e.id""");
					var chapters = cursor(connection,
							"select episode_id, position, start_seconds, end_seconds, title from chapter order by episode_id, position");
					var segments = cursor(connection,
							"select episode_id, position, start_seconds, speaker, text "
									+ "from transcript_segment order by episode_id, position");
					var people = cursor(connection,
							"select episode_id, name, role, person_group, img_url, href "
									+ "from episode_person order by episode_id, position");
					var files = cursor(connection,
							"select episode_id, mime_type, length_bytes, bitrate, height, lang, "
									+ "title, rel, codecs, is_default, sources::text from episode_alternate_enclosure "
									+ "order by episode_id, position")) {
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
						var chapterList = new ArrayList<Chapter>();
						while (moreChapters && c.getLong(1) <= id) {
							if (c.getLong(1) == id) {
								chapterList.add(new Chapter(c.getInt(2), c.getInt(3), (Integer) c.getObject(4),
										c.getString(5)));
							}
							moreChapters = c.next();
						}
						var segmentList = new ArrayList<Segment>();
						while (moreSegments && s.getLong(1) <= id) {
							if (s.getLong(1) == id) {
								segmentList.add(new Segment(s.getInt(2), (Integer) s.getObject(3), s.getString(4),
										s.getString(5)));
							}
							moreSegments = s.next();
						}
						var personList = new ArrayList<Person>();
						while (morePersons && p.getLong(1) <= id) {
							if (p.getLong(1) == id) {
								personList.add(new Person(p.getString(2), p.getString(3), p.getString(4),
										p.getString(5), p.getString(6)));
							}
							morePersons = p.next();
						}
						var fileList = new ArrayList<Alternate>();
						while (moreFiles && a.getLong(1) <= id) {
							if (a.getLong(1) == id) {
								fileList.add(new Alternate(a.getString(2), (Long) a.getObject(3), (Long) a.getObject(4),
										(Integer) a.getObject(5), a.getString(6), a.getString(7), a.getString(8),
										a.getString(9), a.getBoolean(10), this.alternates.sources(a.getString(11))));
							}
							moreFiles = a.next();
						}
						out.write(this.json.writeValueAsBytes(line(e, chapterList, segmentList, personList, fileList)));
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

	private static Line line(ResultSet e, List<Chapter> chapters, List<Segment> segments, List<Person> persons,
			List<Alternate> alternates) throws SQLException {
		var audio = (e.getString(8) != null) ? new Audio(e.getString(8), e.getString(9), (Long) e.getObject(10)) : null;
		return new Line(FORMAT_VERSION, e.getString(2), e.getString(3), e.getString(4), e.getString(5),
				instant(e.getTimestamp(6)), (Integer) e.getObject(7), audio, e.getString(11), e.getString(12),
				e.getString(13), e.getString(14), e.getString(15), e.getString(16), e.getString(17),
				instant(e.getTimestamp(18)), instant(e.getTimestamp(19)), instant(e.getTimestamp(20)), chapters,
				segments, persons, (Integer) e.getObject(21), (Integer) e.getObject(22), alternates);
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
