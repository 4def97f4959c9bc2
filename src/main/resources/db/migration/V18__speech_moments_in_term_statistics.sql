-- Which paragraphs hold a word. A plain-language search shows, under each of its page's
-- episodes, the paragraphs that hold any query word, scored by BM25 (HybridMoments). It
-- found them by testing every paragraph of those episodes against the query: 4,000 tests
-- for ten episodes, the largest step of such a search (BENCHMARKS.md, "Run J"). The term
-- statistics row of a lexeme in an episode now lists them, so the search reads one row per
-- query word and episode instead.
--
-- speech_moments: one {position, occurrences, paragraph length} triple per paragraph that
-- holds the lexeme, by position (null when no paragraph does). The occurrences and the
-- length are those BM25 reads: tsvector positions of the lexeme, and of every lexeme
-- (transcript_segment.search_length).
alter table search_term add column speech_moments integer[][];

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
                                 chapter_units, speech_units)
    select p_episode,
           coalesce(sum(title_tf), 0), coalesce(sum(chapter_tf), 0), coalesce(sum(notes_tf), 0),
           coalesce(sum(speech_tf), 0),
           (select count(*) from chapter where episode_id = p_episode),
           (select count(*) from transcript_segment where episode_id = p_episode)
    from search_term where episode_id = p_episode;
end
$$;

-- Every episode's rows are recomputed, as V4 and V11 did.
truncate search_term, search_document, search_stale_episode;
do $$
begin
    -- in a block, so Flyway does not print one result row per episode
    perform search_refresh_episode(id) from episode;
end
$$;
