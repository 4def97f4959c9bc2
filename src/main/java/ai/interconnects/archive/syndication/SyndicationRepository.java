package ai.interconnects.archive.syndication;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rows the feed, the sitemap and the structured data are made of, as explicit SQL.
 * "Newest first" is the archive page's order: publication time (undated last), then id.
 */
@Repository
@Transactional(readOnly = true)
class SyndicationRepository {

	private static final String ITEM_COLUMNS = """
			e.id, e.guid, e.slug, e.title, e.published_at, e.duration_seconds, e.audio_url, e.audio_type,
			e.audio_length, e.link, e.image_url, e.episode_type, e.summary, e.show_notes_html, e.updated_at,
			e.season, e.episode_number,
			exists (select 1 from transcript_segment s where s.episode_id = e.id) as has_transcript,
			(select count(*) from chapter c where c.episode_id = e.id) as chapter_count""";

	private final JdbcClient jdbc;

	SyndicationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The show as last described by its feed; {@code configuredUrl} never null,
	 * {@code showType} its {@code itunes:type} or null.
	 */
	record Show(String configuredUrl, String title, String link, String imageUrl, String author, String description,
			String showType) {
	}

	/** An episode as the feed, the sitemap and the structured data show it. */
	record Item(long id, String guid, String slug, String title, Instant publishedAt, Integer durationSeconds,
			String audioUrl, String audioType, Long audioLength, String link, String imageUrl, String episodeType,
			String summary, String showNotesHtml, Instant updatedAt, boolean hasTranscript, int chapterCount,
			Integer season, Integer episodeNumber) {
	}

	/** The archive's one show (the first configured), if a feed was ever read. */
	Optional<Show> show() {
		return this.jdbc
			.sql("select configured_url, title, link, image_url, author, description, show_type from podcast"
					+ " order by id limit 1")
			.query((rs, n) -> new Show(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7)))
			.optional();
	}

	long countEpisodes() {
		return this.jdbc.sql("select count(*) from episode").query(Long.class).single();
	}

	/** {@code limit} episodes from the {@code offset}-th newest. */
	List<Item> newest(long offset, int limit) {
		return this.jdbc.sql("select " + ITEM_COLUMNS + """

				from episode e
				order by e.published_at desc nulls last, e.id desc
				offset ? limit ?""").params(offset, limit).query(SyndicationRepository::item).list();
	}

	/**
	 * Episodes {@code offset} to {@code offset + limit - 1} counted from the oldest (the
	 * reverse of {@link #newest}), returned newest first: the fixed blocks of the RFC
	 * 5005 archive documents.
	 */
	List<Item> oldest(long offset, int limit) {
		return this.jdbc.sql("select * from (select " + ITEM_COLUMNS + """
				, e.published_at as sort_at
				from episode e
				order by e.published_at asc nulls first, e.id asc
				offset ? limit ?) block
				order by sort_at desc nulls last, id desc""")
			.params(offset, limit)
			.query(SyndicationRepository::item)
			.list();
	}

	Optional<Item> episode(String slug) {
		return this.jdbc.sql("select " + ITEM_COLUMNS + " from episode e where e.slug = ?")
			.param(slug)
			.query(SyndicationRepository::item)
			.optional();
	}

	/** Every episode's page facts for the sitemap, newest first. */
	List<PageRow> pages() {
		return this.jdbc.sql("""
				select e.slug, e.updated_at,
					exists (select 1 from transcript_segment s where s.episode_id = e.id) as has_transcript,
					(select count(*) from chapter c where c.episode_id = e.id) as chapter_count
				from episode e
				order by e.published_at desc nulls last, e.id desc""")
			.query((rs, n) -> new PageRow(rs.getString(1), instant(rs.getTimestamp(2)), rs.getBoolean(3), rs.getInt(4)))
			.list();
	}

	record PageRow(String slug, Instant updatedAt, boolean hasTranscript, int chapterCount) {
	}

	/**
	 * The whole transcript of an episode as "Speaker: text" lines, for structured data.
	 */
	String transcriptText(long episodeId) {
		var lines = this.jdbc.sql("select speaker, text from transcript_segment where episode_id = ? order by position")
			.param(episodeId)
			.query((rs, n) -> ((rs.getString(1) != null) ? rs.getString(1) + ": " : "") + rs.getString(2))
			.list();
		return String.join("\n", lines);
	}

	/**
	 * A person an episode names ({@code podcast:person}); {@code img} and {@code href}
	 * were checked as http(s) URLs when stored.
	 */
	record Person(long episodeId, String name, String role, String group, String img, String href) {
	}

	/**
	 * The persons of the episodes {@code episodeIds}, each episode's in the feed's order.
	 */
	Map<Long, List<Person>> persons(Collection<Long> episodeIds) {
		if (episodeIds.isEmpty()) {
			return Map.of();
		}
		var persons = new HashMap<Long, List<Person>>();
		this.jdbc.sql("""
				select episode_id, name, role, person_group, img_url, href from episode_person
				where episode_id in (:ids) order by episode_id, position""")
			.param("ids", episodeIds)
			.query((rs, n) -> new Person(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6)))
			.list()
			.forEach((person) -> persons.computeIfAbsent(person.episodeId(), (id) -> new ArrayList<>()).add(person));
		return persons;
	}

	private static Item item(ResultSet rs, int n) throws SQLException {
		return new Item(rs.getLong("id"), rs.getString("guid"), rs.getString("slug"), rs.getString("title"),
				instant(rs.getTimestamp("published_at")), (Integer) rs.getObject("duration_seconds"),
				rs.getString("audio_url"), rs.getString("audio_type"), (Long) rs.getObject("audio_length"),
				rs.getString("link"), rs.getString("image_url"), rs.getString("episode_type"), rs.getString("summary"),
				rs.getString("show_notes_html"), instant(rs.getTimestamp("updated_at")),
				rs.getBoolean("has_transcript"), rs.getInt("chapter_count"), (Integer) rs.getObject("season"),
				(Integer) rs.getObject("episode_number"));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
