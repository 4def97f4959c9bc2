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

	/** Turns shown per episode on a speaker's page; the rest are in the transcript. */
	static final int TURNS_PER_EPISODE = 12;

	private final JdbcClient jdbc;

	SpeakerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record SpeakerRow(String name, long episodes, long turns) {
	}

	record TurnRow(long episodeId, String slug, String title, OffsetDateTime publishedAt, int position,
			Integer startSeconds, String text, long turnsInEpisode) {
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
	 * The first turns of {@code speaker} in each episode they speak in, newest episode
	 * first, with the number of their turns in that episode.
	 */
	List<TurnRow> turns(String speaker) {
		return this.jdbc.sql("""
				select t.episode_id, e.slug, e.title, e.published_at, t.position, t.start_seconds, t.text,
				       t.turns_in_episode
				from (
				    select s.episode_id, s.position, s.start_seconds, left(s.text, 400) as text,
				           row_number() over (partition by s.episode_id order by s.position) as n,
				           count(*) over (partition by s.episode_id) as turns_in_episode
				    from transcript_segment s
				    where s.speaker = :speaker
				) t
				join episode e on e.id = t.episode_id
				where t.n <= :limit
				order by e.published_at desc nulls last, e.id desc, t.position""")
			.param("speaker", speaker)
			.param("limit", TURNS_PER_EPISODE)
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
