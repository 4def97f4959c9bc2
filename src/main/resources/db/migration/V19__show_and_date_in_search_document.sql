-- A search's ranking reads, for every episode holding a query word, its field lengths
-- (search_document) and its show and date (episode). A common word at 2 M moments names
-- all 5,000 episodes, and the join with episode took most of that read (BENCHMARKS.md,
-- "Run K"). The show and the date are kept beside the lengths, so the read is of one
-- narrow table.
alter table search_document add column podcast_id bigint, add column published_at timestamptz;

update search_document d set podcast_id = e.podcast_id, published_at = e.published_at
from episode e where e.id = d.episode_id;

-- As V18's, with the episode's show and date in its search_document row.
create or replace function search_refresh_episode(p_episode bigint) returns void language plpgsql as $$
begin
    delete from search_term where episode_id = p_episode;
    delete from search_document where episode_id = p_episode;
    if not exists (select 1 from episode where id = p_episode) then
        return;
    end if;
    insert into search_term (lexeme, episode_id, title_tf, chapter_tf, notes_tf, speech_tf, chapter_units, speech_units,
                             speech_moments)
    select u.lexeme, p_episode,
           coalesce(sum(u.tf) filter (where u.field = 'title'), 0),
           coalesce(sum(u.tf) filter (where u.field = 'chapter'), 0),
           coalesce(sum(u.tf) filter (where u.field = 'notes'), 0),
           coalesce(sum(u.tf) filter (where u.field = 'speech'), 0),
           count(*) filter (where u.field = 'chapter'),
           count(*) filter (where u.field = 'speech'),
           array_agg(array[u.position, u.tf, u.length] order by u.position) filter (where u.field = 'speech')
    from (
        select 'title' as field, t.lexeme, coalesce(cardinality(t.positions), 1) as tf,
               null::integer as position, null::integer as length
        from episode e, unnest(e.title_vector) t where e.id = p_episode
        union all
        select 'notes', t.lexeme, coalesce(cardinality(t.positions), 1), null, null
        from episode e, unnest(e.notes_vector) t where e.id = p_episode
        union all
        select 'chapter', t.lexeme, coalesce(cardinality(t.positions), 1), null, null
        from chapter c, unnest(c.search_vector) t where c.episode_id = p_episode
        union all
        select 'speech', t.lexeme, coalesce(cardinality(t.positions), 1), s.position, s.search_length
        from transcript_segment s, unnest(s.search_vector) t where s.episode_id = p_episode
    ) u
    group by u.lexeme;
    insert into search_document (episode_id, title_length, chapter_length, notes_length, speech_length,
                                 chapter_units, speech_units, podcast_id, published_at)
    select p_episode,
           coalesce(sum(title_tf), 0), coalesce(sum(chapter_tf), 0), coalesce(sum(notes_tf), 0),
           coalesce(sum(speech_tf), 0),
           (select count(*) from chapter where episode_id = p_episode),
           (select count(*) from transcript_segment where episode_id = p_episode),
           (select podcast_id from episode where id = p_episode),
           (select published_at from episode where id = p_episode)
    from search_term where episode_id = p_episode;
end
$$;

-- A new date or show is copied, without recomputing the statistics (nor marking the
-- episode's moments for embedding, which an inserted search_document row does: V12).
create function search_document_follow_episode() returns trigger language plpgsql as $$
begin
    update search_document set podcast_id = new.podcast_id, published_at = new.published_at
    where episode_id = new.id;
    return null;
end
$$;

create trigger episode_search_document_follow after update of podcast_id, published_at on episode
    for each row
    when (old.podcast_id is distinct from new.podcast_id or old.published_at is distinct from new.published_at)
    execute function search_document_follow_episode();
