package ai.interconnects.archive.episode;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The catalog's questions about speakers and named people, aggregated in SQL (see
 * {@link Voices}). Counts come from {@code episode_speaker} (one row per episode and
 * speaker, kept current by the V15 triggers), never from every segment of the archive.
 */
@Component
class SpeakerQueries {

	private final JdbcClient jdbc;

	SpeakerQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every speaker, the most episodes first. */
	List<Voices.SpeakerRow> speakers() {
		return this.jdbc.sql("""
				select speaker as name, count(*) as episodes, sum(segments) as turns
				from episode_speaker
				group by speaker
				order by episodes desc, turns desc, speaker""").query(Voices.SpeakerRow.class).list();
	}

	/**
	 * The episodes {@code speaker} speaks in, newest first, with their number of turns.
	 */
	List<Voices.EpisodeRow> episodes(String speaker) {
		return this.jdbc.sql("""
				select t.episode_id, e.slug, e.title, e.published_at, t.segments as turns, t.first_position,
				       t.first_start
				from episode_speaker t
				join episode e on e.id = t.episode_id
				where t.speaker = :speaker
				order by %1$s""".formatted(EpisodeCatalog.NEWEST_FIRST))
			.param("speaker", speaker)
			.query(Voices.EpisodeRow.class)
			.list();
	}

	/**
	 * The longest turns of {@code speaker} (at most {@code limit}, of at least
	 * {@code minLength} characters): what their quotes are chosen from.
	 */
	List<Voices.TurnRow> longTurns(String speaker, int minLength, int limit) {
		return this.jdbc
			.sql("""
					select s.episode_id, e.slug, e.title, e.published_at, s.position, s.start_seconds, left(s.text, 2000) as text
					from transcript_segment s join episode e on e.id = s.episode_id
					where s.speaker = :speaker and length(s.text) >= :min
					order by length(s.text) desc, s.episode_id, s.position
					limit :limit""")
			.param("speaker", speaker)
			.param("min", minLength)
			.param("limit", limit)
			.query(Voices.TurnRow.class)
			.list();
	}

	List<Voices.PersonRow> persons() {
		return this.jdbc.sql("""
				select (array_agg(p.name order by %1$s))[1] as name,
				       string_agg(distinct p.role, ', ') as roles,
				       (array_agg(p.href order by %1$s)
				            filter (where p.href is not null))[1] as href,
				       count(distinct p.episode_id) as episodes,
				       count(distinct p.episode_id) filter (where not exists (
				           select 1 from episode_speaker s
				           where s.episode_id = p.episode_id and lower(s.speaker) = lower(p.name))) as silent_episodes
				from episode_person p join episode e on e.id = p.episode_id
				group by lower(p.name)""".formatted(EpisodeCatalog.NEWEST_FIRST)).query(Voices.PersonRow.class).list();
	}

	/** The episodes that name {@code name} (ignoring case), newest first. */
	List<Voices.CreditRow> credits(String name) {
		return this.jdbc
			.sql("""
					select e.id as episode_id, e.slug, e.title, e.published_at, string_agg(p.role, ', ' order by p.position) as role
					from episode_person p join episode e on e.id = p.episode_id
					where lower(p.name) = lower(:name)
					group by e.id
					order by %1$s"""
				.formatted(EpisodeCatalog.NEWEST_FIRST))
			.param("name", name)
			.query(Voices.CreditRow.class)
			.list();
	}

	/** Every speaker with counts, most turns first. */
	List<Voices.SpeakerStats> stats() {
		return this.jdbc.sql("""
				select t.speaker, count(*) as episodes, sum(t.turns) as turns, sum(t.segments) as segments,
					min(e.published_at) as first_heard, max(e.published_at) as last_heard
				from episode_speaker t
				join episode e on e.id = t.episode_id
				group by t.speaker
				order by turns desc, t.speaker""")
			.query((rs, n) -> new Voices.SpeakerStats(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6))))
			.list();
	}

	/** The people one episode names, in the feed's order. */
	List<PersonEntry> credited(String slug) {
		return this.jdbc.sql("""
				select p.name, p.role, p.person_group, p.img_url, p.href
				from episode_person p join episode e on e.id = p.episode_id
				where e.slug = ?
				order by p.position""").param(slug).query((rs, n) -> ExportColumns.person(rs)).list();
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
