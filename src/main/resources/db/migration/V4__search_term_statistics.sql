-- Term statistics for relevance ranking (README "Search"): for every episode and every
-- lexeme it contains, how often the lexeme occurs in each field (episode title, chapter
-- titles, show notes, transcript speech) and in how many chapters and segments; for every
-- episode the length of each field. They are derived from the same stored tsvector columns
-- the GIN indexes match against (V2), so stemming and stop-words agree with matching.
-- Ranking a query reads only the rows of its lexemes: its cost grows with the number of
-- episodes that contain the words, not with the number of segments that do.
--
-- Triggers keep them current, whatever writes the episode (ingest, re-parse, a manual
-- fix): each statement that touches an episode's segments, chapters, title or notes marks
-- the episode stale, and one deferred trigger per stale episode recomputes its rows at
-- commit, once per transaction however many statements touched it. A reader therefore
-- never sees statistics that disagree with the committed text.

create table search_term (
    lexeme          text    not null,
    episode_id      bigint  not null,
    -- occurrences (tsvector positions) in each field
    title_tf        integer not null,
    chapter_tf      integer not null,
    notes_tf        integer not null,
    speech_tf       integer not null,
    -- chapters and segments that contain the lexeme: each is one matching moment
    chapter_units   integer not null,
    speech_units    integer not null,
    -- the counts ride in the index, so ranking a word reads its index entries only
    primary key (lexeme, episode_id)
        include (title_tf, chapter_tf, notes_tf, speech_tf, chapter_units, speech_units)
);

-- the recompute deletes an episode's rows by episode
create index search_term_episode_idx on search_term (episode_id);

-- Field lengths in tokens (tsvector positions, stop-words excluded) and the number of
-- chapters and segments, for BM25's length normalisation.
create table search_document (
    episode_id      bigint  primary key,
    title_length    integer not null,
    chapter_length  integer not null,
    notes_length    integer not null,
    speech_length   integer not null,
    chapter_units   integer not null,
    speech_units    integer not null
);

-- Episodes whose statistics must be recomputed before the transaction commits.
create table search_stale_episode (
    episode_id  bigint primary key
);

-- Recomputes one episode's statistics from its stored tsvectors. A tsvector keeps at most
-- 256 positions of one lexeme per text and none beyond position 16,383, so a word said
-- more often than that within one segment counts as 256: far past BM25's saturation.
create function search_refresh_episode(p_episode bigint) returns void language plpgsql as $$
begin
    delete from search_term where episode_id = p_episode;
    delete from search_document where episode_id = p_episode;
    if not exists (select 1 from episode where id = p_episode) then
        return;
    end if;
    insert into search_term (lexeme, episode_id, title_tf, chapter_tf, notes_tf, speech_tf, chapter_units, speech_units)
    select u.lexeme, p_episode,
           coalesce(sum(u.tf) filter (where u.field = 'title'), 0),
           coalesce(sum(u.tf) filter (where u.field = 'chapter'), 0),
           coalesce(sum(u.tf) filter (where u.field = 'notes'), 0),
           coalesce(sum(u.tf) filter (where u.field = 'speech'), 0),
           count(*) filter (where u.field = 'chapter'),
           count(*) filter (where u.field = 'speech')
    from (
        select 'title' as field, t.lexeme, coalesce(cardinality(t.positions), 1) as tf
        from episode e, unnest(e.title_vector) t where e.id = p_episode
        union all
        select 'notes', t.lexeme, coalesce(cardinality(t.positions), 1)
        from episode e, unnest(e.notes_vector) t where e.id = p_episode
        union all
        select 'chapter', t.lexeme, coalesce(cardinality(t.positions), 1)
        from chapter c, unnest(c.search_vector) t where c.episode_id = p_episode
        union all
        select 'speech', t.lexeme, coalesce(cardinality(t.positions), 1)
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

-- The deferred step: runs at commit for each episode marked stale in the transaction.
create function search_stale_episode_refresh() returns trigger language plpgsql as $$
begin
    delete from search_stale_episode where episode_id = new.episode_id;
    if found then
        perform search_refresh_episode(new.episode_id);
    end if;
    return null;
end
$$;

create constraint trigger search_stale_episode_refresh
    after insert on search_stale_episode
    deferrable initially deferred
    for each row execute function search_stale_episode_refresh();

-- The marking step, statement-level so a 20,000-row COPY costs one insert of its distinct
-- episodes. Transition tables allow one event per trigger, hence three per table.
create function search_mark_stale_new() returns trigger language plpgsql as $$
begin
    insert into search_stale_episode (episode_id)
    select distinct episode_id from new_rows
    on conflict do nothing;
    return null;
end
$$;

create function search_mark_stale_old() returns trigger language plpgsql as $$
begin
    insert into search_stale_episode (episode_id)
    select distinct episode_id from old_rows
    on conflict do nothing;
    return null;
end
$$;

create function search_mark_stale_changed() returns trigger language plpgsql as $$
begin
    insert into search_stale_episode (episode_id)
    select distinct episode_id from old_rows
    union
    select distinct episode_id from new_rows
    on conflict do nothing;
    return null;
end
$$;

create trigger transcript_segment_search_insert after insert on transcript_segment
    referencing new table as new_rows for each statement execute function search_mark_stale_new();
create trigger transcript_segment_search_update after update on transcript_segment
    referencing old table as old_rows new table as new_rows for each statement
    execute function search_mark_stale_changed();
create trigger transcript_segment_search_delete after delete on transcript_segment
    referencing old table as old_rows for each statement execute function search_mark_stale_old();

create trigger chapter_search_insert after insert on chapter
    referencing new table as new_rows for each statement execute function search_mark_stale_new();
create trigger chapter_search_update after update on chapter
    referencing old table as old_rows new table as new_rows for each statement
    execute function search_mark_stale_changed();
create trigger chapter_search_delete after delete on chapter
    referencing old table as old_rows for each statement execute function search_mark_stale_old();

-- Episodes: only a change of the searchable text matters (every poll updates last_seen_at).
create function search_mark_stale_episode_new() returns trigger language plpgsql as $$
begin
    insert into search_stale_episode (episode_id)
    select id from new_rows
    on conflict do nothing;
    return null;
end
$$;

create function search_mark_stale_episode_old() returns trigger language plpgsql as $$
begin
    insert into search_stale_episode (episode_id)
    select id from old_rows
    on conflict do nothing;
    return null;
end
$$;

create function search_mark_stale_episode_changed() returns trigger language plpgsql as $$
begin
    insert into search_stale_episode (episode_id)
    select n.id from new_rows n join old_rows o on o.id = n.id
    where n.title_vector is distinct from o.title_vector or n.notes_vector is distinct from o.notes_vector
    on conflict do nothing;
    return null;
end
$$;

create trigger episode_search_insert after insert on episode
    referencing new table as new_rows for each statement execute function search_mark_stale_episode_new();
create trigger episode_search_update after update on episode
    referencing old table as old_rows new table as new_rows for each statement
    execute function search_mark_stale_episode_changed();
create trigger episode_search_delete after delete on episode
    referencing old table as old_rows for each statement execute function search_mark_stale_episode_old();

-- TRUNCATE has no transition table: start over from what is left.
create function search_statistics_truncated() returns trigger language plpgsql as $$
begin
    truncate search_term, search_document;
    insert into search_stale_episode (episode_id)
    select id from episode
    on conflict do nothing;
    return null;
end
$$;

create trigger transcript_segment_search_truncate after truncate on transcript_segment
    for each statement execute function search_statistics_truncated();
create trigger chapter_search_truncate after truncate on chapter
    for each statement execute function search_statistics_truncated();
create trigger episode_search_truncate after truncate on episode
    for each statement execute function search_statistics_truncated();

-- Episodes stored before this migration.
select search_refresh_episode(id) from episode;
