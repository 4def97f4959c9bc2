package ai.interconnects.archive.transcript;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who speaks in the archive, from the transcripts' speaker labels: a turn is a paragraph
 * that names its speaker (continuations name none).
 */
@Repository
@Transactional(readOnly = true)
class SpeakerRepository {

	/** The longest turns of a speaker read to choose their quotes from. */
	static final int QUOTE_CANDIDATES = 300;

	private final JdbcClient jdbc;

	SpeakerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record SpeakerRow(String name, long episodes, long turns) {
	}

	/** An episode a speaker speaks in: their turns there and where the first one is. */
	record EpisodeRow(long episodeId, String slug, String title, OffsetDateTime publishedAt, long turns,
			int firstPosition, Integer firstStart) {
	}

	/** One of a speaker's longer turns, a candidate quote. */
	record TurnRow(long episodeId, String slug, String title, OffsetDateTime publishedAt, int position,
			Integer startSeconds, String text) {
	}

	/**
	 * A person the feed names ({@code podcast:person}), one per name ignoring case: the
	 * spelling and link of their newest episode, their roles, the episodes naming them
	 * and how many of those have no paragraph of theirs (to add to a speaker's count).
	 */
	record PersonRow(String name, String roles, String href, long episodes, long silentEpisodes) {
	}

	/** An episode that names {@code person}, with the role it gives them. */
	record CreditRow(long episodeId, String slug, String title, OffsetDateTime publishedAt, String role) {
	}

	/** Every speaker, the most episodes first. */
	List<SpeakerRow> speakers() {
		return this.jdbc.sql("""
				select speaker as name, count(distinct episode_id) as episodes, count(*) as turns
				from transcript_segment
				where speaker is not null
				group by speaker
				order by episodes desc, turns desc, speaker""").query(SpeakerRow.class).list();
	}

	/**
	 * The episodes {@code speaker} speaks in, newest first, with their number of turns.
	 */
	List<EpisodeRow> episodes(String speaker) {
		return this.jdbc
			.sql("""
					select t.episode_id, e.slug, e.title, e.published_at, t.turns, t.first_position, s.start_seconds as first_start
					from (
					    select episode_id, count(*) as turns, min(position) as first_position
					    from transcript_segment where speaker = :speaker group by episode_id
					) t
					join episode e on e.id = t.episode_id
					join transcript_segment s on s.episode_id = t.episode_id and s.position = t.first_position
					order by e.published_at desc nulls last, e.id desc""")
			.param("speaker", speaker)
			.query(EpisodeRow.class)
			.list();
	}

	/**
	 * The longest turns of {@code speaker} (at most {@value #QUOTE_CANDIDATES}, of at
	 * least {@code minLength} characters): what their quotes are chosen from.
	 */
	List<TurnRow> longTurns(String speaker, int minLength) {
		return this.jdbc
			.sql("""
					select s.episode_id, e.slug, e.title, e.published_at, s.position, s.start_seconds, left(s.text, 2000) as text
					from transcript_segment s join episode e on e.id = s.episode_id
					where s.speaker = :speaker and length(s.text) >= :min
					order by length(s.text) desc, s.episode_id, s.position
					limit :limit""")
			.param("speaker", speaker)
			.param("min", minLength)
			.param("limit", QUOTE_CANDIDATES)
			.query(TurnRow.class)
			.list();
	}

	List<PersonRow> persons() {
		return this.jdbc.sql("""
				select (array_agg(p.name order by e.published_at desc nulls last, e.id desc))[1] as name,
				       string_agg(distinct p.role, ', ') as roles,
				       (array_agg(p.href order by e.published_at desc nulls last, e.id desc)
				            filter (where p.href is not null))[1] as href,
				       count(distinct p.episode_id) as episodes,
				       count(distinct p.episode_id) filter (where not exists (
				           select 1 from transcript_segment s
				           where s.episode_id = p.episode_id and lower(s.speaker) = lower(p.name))) as silent_episodes
				from episode_person p join episode e on e.id = p.episode_id
				group by lower(p.name)""").query(PersonRow.class).list();
	}

	/** The episodes that name {@code name} (ignoring case), newest first. */
	List<CreditRow> credits(String name) {
		return this.jdbc
			.sql("""
					select e.id as episode_id, e.slug, e.title, e.published_at, string_agg(p.role, ', ' order by p.position) as role
					from episode_person p join episode e on e.id = p.episode_id
					where lower(p.name) = lower(:name)
					group by e.id
					order by e.published_at desc nulls last, e.id desc""")
			.param("name", name)
			.query(CreditRow.class)
			.list();
	}

}
