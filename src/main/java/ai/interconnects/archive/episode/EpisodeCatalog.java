package ai.interconnects.archive.episode;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one door through which every other package reads the archive's content: episodes,
 * their chapters, transcript paragraphs and the people they name, as the records beside
 * this class. The archive's order ({@link #NEWEST_FIRST}) is stated here once.
 */
@Service
@Transactional(readOnly = true)
public class EpisodeCatalog {

	/** Newest publication first, undated episodes last, then the newest stored. */
	public static final String NEWEST_FIRST = "e.published_at desc nulls last, e.id desc";

	/** The select list of an {@link EpisodeSummary} over {@code episode e}. */
	static final String SUMMARY = """
			e.id, e.podcast_id, e.slug, e.guid, e.title, e.published_at, e.updated_at, e.duration_seconds,
			e.summary, e.image_url, e.link, e.audio_url, e.audio_type, e.audio_length, e.episode_type,
			e.show_notes_html, e.season, e.episode_number,
			(select count(*) from chapter c where c.episode_id = e.id) as chapter_count,
			(select count(*) from transcript_segment s where s.episode_id = e.id) as segment_count""";

	private final JdbcClient jdbc;

	private final SpeakerQueries speakers;

	private final EpisodeAlternates alternates;

	EpisodeCatalog(JdbcClient jdbc, SpeakerQueries speakers, EpisodeAlternates alternates) {
		this.jdbc = jdbc;
		this.speakers = speakers;
		this.alternates = alternates;
	}

	/** Episodes changed at or after {@code since} (all when null). */
	public long count(Instant since) {
		var statement = this.jdbc.sql("select count(*) from episode e" + since(since));
		return ((since != null) ? statement.param(Timestamp.from(since)) : statement).query(Long.class).single();
	}

	/**
	 * {@code limit} episodes changed at or after {@code since} (all when null) from the
	 * {@code offset}-th, in the archive's order.
	 */
	public List<EpisodeSummary> newest(Instant since, long offset, int limit) {
		var statement = this.jdbc.sql("select " + SUMMARY + " from episode e" + since(since) + " order by "
				+ NEWEST_FIRST + " offset ? limit ?");
		return ((since != null) ? statement.param(Timestamp.from(since)) : statement).param(offset)
			.param(limit)
			.query(EpisodeCatalog::summary)
			.list();
	}

	/**
	 * Episodes {@code offset} to {@code offset + limit - 1} counted from the oldest,
	 * returned in the archive's order: fixed blocks that never change once full.
	 */
	public List<EpisodeSummary> oldest(long offset, int limit) {
		return this.jdbc
			.sql("select * from (select " + SUMMARY
					+ " from episode e order by e.published_at asc nulls first, e.id asc"
					+ " offset ? limit ?) e order by " + NEWEST_FIRST)
			.params(offset, limit)
			.query(EpisodeCatalog::summary)
			.list();
	}

	public Optional<EpisodeSummary> bySlug(String slug) {
		return this.jdbc.sql("select " + SUMMARY + " from episode e where e.slug = ?")
			.param(slug)
			.query(EpisodeCatalog::summary)
			.optional();
	}

	public List<ChapterEntry> chapters(long episodeId) {
		return this.jdbc
			.sql("select " + ExportColumns.CHAPTERS + " from chapter where episode_id = ? order by position")
			.param(episodeId)
			.query((rs, n) -> ExportColumns.chapter(rs))
			.list();
	}

	public List<SegmentEntry> segments(long episodeId) {
		return this.jdbc
			.sql("select " + ExportColumns.SEGMENTS + " from transcript_segment where episode_id = ? order by position")
			.param(episodeId)
			.query((rs, n) -> ExportColumns.segment(rs))
			.list();
	}

	/** The people {@code episodeId} names, in the feed's order. */
	public List<PersonEntry> persons(long episodeId) {
		return persons(List.of(episodeId)).getOrDefault(episodeId, List.of());
	}

	/**
	 * The people of the episodes {@code episodeIds}, each episode's in the feed's order.
	 */
	public Map<Long, List<PersonEntry>> persons(Collection<Long> episodeIds) {
		if (episodeIds.isEmpty()) {
			return Map.of();
		}
		var persons = new HashMap<Long, List<PersonEntry>>();
		this.jdbc.sql("select episode_id, " + ExportColumns.PERSONS + """
				 from episode_person
				where episode_id in (:ids) order by episode_id, position""")
			.param("ids", episodeIds)
			.query((rs, n) -> persons.computeIfAbsent(rs.getLong("episode_id"), (id) -> new ArrayList<>())
				.add(ExportColumns.person(rs)))
			.list();
		return persons;
	}

	/** Each episode's other media files (podcast:alternateEnclosure), feed order. */
	public Map<Long, List<AlternateEntry>> alternates(Collection<Long> episodeIds) {
		return this.alternates.of(episodeIds);
	}

	/** Every episode's page facts (for the sitemap), in the archive's order. */
	public List<PageFacts> pages() {
		return this.jdbc.sql("""
				select e.slug, e.updated_at,
					exists (select 1 from transcript_segment s where s.episode_id = e.id) as has_transcript,
					(select count(*) from chapter c where c.episode_id = e.id) as chapter_count, e.podcast_id
				from episode e
				order by %s""".formatted(NEWEST_FIRST))
			.query((rs, n) -> new PageFacts(rs.getString(1), instant(rs.getTimestamp(2)), rs.getBoolean(3),
					rs.getInt(4), rs.getLong(5)))
			.list();
	}

	/** What the archive holds. */
	public ArchiveCounts counts() {
		return this.jdbc.sql("""
				select (select count(*) from episode) as episodes,
				       (select count(*) from chapter) as chapters,
				       (select count(*) from transcript_segment) as segments,
				       (select count(distinct episode_id) from transcript_segment) as with_transcript""")
			.query((rs, n) -> new ArchiveCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.single();
	}

	/** The newest {@code limit} episodes whose description did not parse cleanly. */
	public List<ParseProblem> parseProblems(int limit) {
		return this.jdbc
			.sql("select e.id, e.slug, e.title, e.published_at, e.parse_warnings from episode e"
					+ " where e.parse_warnings is not null order by " + NEWEST_FIRST + " limit ?")
			.param(limit)
			.query((rs, n) -> new ParseProblem(rs.getLong(1), rs.getString(2), rs.getString(3),
					instant(rs.getTimestamp(4)), rs.getString(5)))
			.list();
	}

	/** How many episodes' descriptions did not parse cleanly. */
	public long parseProblemCount() {
		return this.jdbc.sql("select count(*) from episode where parse_warnings is not null")
			.query(Long.class)
			.single();
	}

	/** Every episode's id by its show's id, shows and episodes oldest first. */
	public Map<Long, List<Long>> idsByShow() {
		var byShow = new LinkedHashMap<Long, List<Long>>();
		this.jdbc.sql("select podcast_id, id from episode order by podcast_id, id").query((rs) -> {
			byShow.computeIfAbsent(rs.getLong(1), (show) -> new ArrayList<>()).add(rs.getLong(2));
		});
		return byShow;
	}

	/** Every speaker, the most episodes first. */
	public List<Voices.SpeakerRow> speakers() {
		return this.speakers.speakers();
	}

	/** Every speaker with their turns and first and last episode, most turns first. */
	public List<Voices.SpeakerStats> speakerStats() {
		return this.speakers.stats();
	}

	/** The episodes {@code speaker} speaks in, newest first, with their turns there. */
	public List<Voices.EpisodeRow> speakerEpisodes(String speaker) {
		return this.speakers.episodes(speaker);
	}

	/**
	 * Up to {@code limit} of the longest turns of {@code speaker}, none shorter than
	 * {@code minLength}.
	 */
	public List<Voices.TurnRow> longTurns(String speaker, int minLength, int limit) {
		return this.speakers.longTurns(speaker, minLength, limit);
	}

	/** Every person the feeds name, one per name ignoring case. */
	public List<Voices.PersonRow> people() {
		return this.speakers.persons();
	}

	/** The episodes that name {@code name} (ignoring case), newest first. */
	public List<Voices.CreditRow> credits(String name) {
		return this.speakers.credits(name);
	}

	/** The people the episode at {@code slug} names, in the feed's order. */
	public List<PersonEntry> persons(String slug) {
		return this.speakers.credited(slug);
	}

	private static String since(Instant since) {
		return (since != null) ? " where e.updated_at >= ?" : "";
	}

	static EpisodeSummary summary(ResultSet rs, int n) throws SQLException {
		return new EpisodeSummary(rs.getLong("id"), rs.getLong("podcast_id"), rs.getString("slug"),
				rs.getString("guid"), rs.getString("title"), instant(rs.getTimestamp("published_at")),
				instant(rs.getTimestamp("updated_at")), (Integer) rs.getObject("duration_seconds"),
				rs.getString("summary"), rs.getString("image_url"), rs.getString("link"), rs.getString("audio_url"),
				rs.getString("audio_type"), (Long) rs.getObject("audio_length"), rs.getString("episode_type"),
				rs.getString("show_notes_html"), rs.getInt("chapter_count"), rs.getInt("segment_count"),
				(Integer) rs.getObject("season"), (Integer) rs.getObject("episode_number"));
	}

	static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
