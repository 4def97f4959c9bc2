-- An episode's refresh rebuilt the packed rows (V20) of every word it held before or
-- holds now: 144 ms at 2 M moments against 28 ms for its statistics alone (BENCHMARKS.md,
-- "Run L"), even when one word of its notes changed or its transcript was parsed again
-- into the same words. Only the rows of the words whose figures for this episode changed
-- are rebuilt now: those it gained, those it lost, and those whose counts moved. The rows
-- of the other words hold this episode's figures as they are, and the rebuild of a
-- changed row still reads every episode of its group as committed, under V20's lock.
create or replace function search_refresh_episode(p_episode bigint) returns void language plpgsql as $$
declare
    v_lexemes text[];
    v_entries bytea[];
    v_changed text[];
begin
    -- the episode's figures before, each word's entry as its packed row holds it
    select array_agg(lexeme order by lexeme),
           array_agg(int8send(episode_id) || int4send(title_tf) || int4send(chapter_tf) || int4send(notes_tf)
                     || int4send(speech_tf) || int4send(chapter_units) || int4send(speech_units) order by lexeme)
    into v_lexemes, v_entries
    from search_term where episode_id = p_episode;
    perform search_refresh_episode_statistics(p_episode);
    select array_agg(coalesce(new_figures.lexeme, old_figures.lexeme))
    into v_changed
    from unnest(coalesce(v_lexemes, '{}'), coalesce(v_entries, '{}')) as old_figures (lexeme, entry)
    full join (
        select t.lexeme,
               int8send(t.episode_id) || int4send(t.title_tf) || int4send(t.chapter_tf) || int4send(t.notes_tf)
               || int4send(t.speech_tf) || int4send(t.chapter_units) || int4send(t.speech_units) as entry
        from search_term t where t.episode_id = p_episode
    ) new_figures on new_figures.lexeme = old_figures.lexeme
    where new_figures.entry is distinct from old_figures.entry;
    if cardinality(v_changed) > 0 then
        perform search_posting_refresh(v_changed, (p_episode / 32)::integer);
    end if;
end
$$;
