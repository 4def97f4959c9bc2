-- A query word's term statistics packed by 32 episodes. A search's ranking reads every
-- search_term row of its words: a nine-word question at 2 M moments reads 32,631 rows,
-- about 20 ms of the database's time, most of it spent producing rows (BENCHMARKS.md,
-- "Run K"). The same figures packed 32 episodes to a row are 1,256 rows, read in about
-- 3 ms. An episode's refresh rewrites the rows of its words in its group of 32: about
-- 600 ms per episode at 2 M moments instead of about 40 ms (README, "Database and
-- migrations").
--
-- postings: per episode of the group, by id, 32 bytes big-endian: episode_id (int8),
-- title_tf, chapter_tf, notes_tf, speech_tf, chapter_units, speech_units (int4 each), as
-- in search_term.
create table search_posting (
    lexeme    text    not null,
    bucket    integer not null,
    postings  bytea   not null,
    primary key (lexeme, bucket)
);

-- Rebuilds the rows of these lexemes in one group from search_term.
create function search_posting_refresh(p_lexemes text[], p_bucket integer) returns void language plpgsql as $$
begin
    -- one rebuild at a time, each from what is committed when it starts (READ COMMITTED:
    -- every statement sees the rows committed before it): two at once could each miss
    -- the other's episode
    perform pg_advisory_xact_lock(hashtextextended('search_posting', 0));
    delete from search_posting where bucket = p_bucket and lexeme = any(p_lexemes);
    insert into search_posting (lexeme, bucket, postings)
    select t.lexeme, p_bucket,
           string_agg(int8send(t.episode_id) || int4send(t.title_tf) || int4send(t.chapter_tf)
                      || int4send(t.notes_tf) || int4send(t.speech_tf) || int4send(t.chapter_units)
                      || int4send(t.speech_units), ''::bytea order by t.episode_id)
    from search_term t
    where t.lexeme = any(p_lexemes) and t.episode_id >= p_bucket * 32::bigint
      and t.episode_id < (p_bucket + 1) * 32::bigint
    group by t.lexeme;
end
$$;

-- The statistics' refresh (V19) is kept under another name and followed by the rebuild
-- of the rows of the words the episode held before and holds now.
alter function search_refresh_episode(bigint) rename to search_refresh_episode_statistics;

create function search_refresh_episode(p_episode bigint) returns void language plpgsql as $$
declare
    v_lexemes text[];
begin
    select array_agg(lexeme) into v_lexemes from search_term where episode_id = p_episode;
    perform search_refresh_episode_statistics(p_episode);
    v_lexemes := coalesce(v_lexemes, '{}')
                 || coalesce((select array_agg(lexeme) from search_term where episode_id = p_episode), '{}');
    if cardinality(v_lexemes) > 0 then
        perform search_posting_refresh(v_lexemes, (p_episode / 32)::integer);
    end if;
end
$$;

-- Emptied with the statistics (V4's truncate triggers truncate search_term).
create function search_posting_truncated() returns trigger language plpgsql as $$
begin
    truncate search_posting;
    return null;
end
$$;

create trigger search_term_posting_truncate after truncate on search_term
    for each statement execute function search_posting_truncated();

insert into search_posting (lexeme, bucket, postings)
select lexeme, (episode_id / 32)::integer,
       string_agg(int8send(episode_id) || int4send(title_tf) || int4send(chapter_tf) || int4send(notes_tf)
                  || int4send(speech_tf) || int4send(chapter_units) || int4send(speech_units), ''::bytea
                  order by episode_id)
from search_term
group by 1, 2;
