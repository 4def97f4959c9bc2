package ai.interconnects.archive.episode;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The select lists and row mappers of the content tables, for the catalog and for a
 * reader that must stream the whole archive through cursors of its own (the export): it
 * takes its statements and records from here, so the tables stay named in this package
 * only. A mapper reads the columns by name, so a statement may select more.
 */
public final class ExportColumns {

	/** The episodes, oldest stored first, with the show each belongs to. */
	public static final String EPISODES = """
			select e.id, e.podcast_id, e.guid, e.slug, e.title, e.published_at, e.duration_seconds,
				e.audio_url, e.audio_type, e.audio_length, e.link, e.image_url, e.episode_type,
				e.raw_description, e.show_notes_html, e.summary, e.content_hash, e.first_seen_at,
				e.last_seen_at, e.updated_at, e.season, e.episode_number, e.transcript_source,
				e.transcript_url, e.transcript_type, e.chapters_source, e.chapters_url, e.parse_warnings
			from episode e
			order by e.id""";

	static final String CHAPTERS = "position, start_seconds, end_seconds, title";

	static final String SEGMENTS = "position, start_seconds, speaker, text";

	static final String PERSONS = "name, role, person_group, img_url, href";

	/** What a chapter keeps beside its place and title: for a full restore. */
	static final String STORED_CHAPTERS = CHAPTERS + ", url, image_url";

	static final String STORED_SEGMENTS = SEGMENTS + ", end_seconds";

	/** Every chapter, by episode then position; {@code episode_id} first. */
	public static final String ALL_CHAPTERS = "select episode_id, " + STORED_CHAPTERS
			+ " from chapter order by episode_id, position";

	/** Every transcript paragraph, by episode then position; {@code episode_id} first. */
	public static final String ALL_SEGMENTS = "select episode_id, " + STORED_SEGMENTS
			+ " from transcript_segment order by episode_id, position";

	/** Every named person, by episode then position; {@code episode_id} first. */
	public static final String ALL_PERSONS = "select episode_id, " + PERSONS
			+ " from episode_person order by episode_id, position";

	/** Every alternate file, by episode then position; {@code episode_id} first. */
	public static final String ALL_ALTERNATES = "select episode_id, " + EpisodeAlternates.COLUMNS
			+ " from episode_alternate_enclosure order by episode_id, position";

	private ExportColumns() {
	}

	public static ChapterEntry chapter(ResultSet rs) throws SQLException {
		return new ChapterEntry(rs.getInt("position"), rs.getInt("start_seconds"),
				(Integer) rs.getObject("end_seconds"), rs.getString("title"));
	}

	/** A chapter with everything stored of it (selected as {@link #STORED_CHAPTERS}). */
	public static StoredChapter storedChapter(ResultSet rs) throws SQLException {
		return new StoredChapter(rs.getInt("position"), rs.getInt("start_seconds"),
				(Integer) rs.getObject("end_seconds"), rs.getString("title"), rs.getString("url"),
				rs.getString("image_url"));
	}

	/**
	 * A paragraph with everything stored of it (selected as {@link #STORED_SEGMENTS}).
	 */
	public static StoredSegment storedSegment(ResultSet rs) throws SQLException {
		return new StoredSegment(rs.getInt("position"), (Integer) rs.getObject("start_seconds"),
				rs.getString("speaker"), rs.getString("text"), (Integer) rs.getObject("end_seconds"));
	}

	public static SegmentEntry segment(ResultSet rs) throws SQLException {
		return new SegmentEntry(rs.getInt("position"), (Integer) rs.getObject("start_seconds"), rs.getString("speaker"),
				rs.getString("text"));
	}

	public static AlternateEntry alternate(ResultSet rs) throws SQLException {
		return EpisodeAlternates.entry(rs);
	}

	public static PersonEntry person(ResultSet rs) throws SQLException {
		return new PersonEntry(rs.getString("name"), rs.getString("role"), rs.getString("person_group"),
				rs.getString("img_url"), rs.getString("href"));
	}

}
