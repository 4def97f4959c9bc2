-- One analysis for search (issue 20, README "Search"): the way AI people write names.
-- PostgreSQL's default parser reads "GPT-5.4" as the word 'gpt' and the number '-5.4',
-- "gpt5.4" as one file name, "DeepSeek-R1" as a hyphenated word, and keeps accents, so
-- the index and a query written another way disagree. Every searchable text and every
-- query now goes through the same two steps:
--
--   archive_search_text(text)  folds accented Latin letters to ASCII (Tülu -> Tulu) and
--                              splits names into their terms: a hyphen, underscore, slash
--                              or typographic dash between letters or digits becomes a
--                              break, and so does the boundary between a run of two or more
--                              letters and a digit ("gpt5.4" -> "gpt;5.4"). A single letter
--                              stays with its digits (R1, K2.5, A100, o3: "a" and "s" would
--                              otherwise be stop-words) and a version stays one term (5.4).
--   archive_search             a text search configuration, English stemming and stop-words
--                              for words, 'simple' for numbers and versions (a copy of
--                              'english', named so index and query name one analysis).
--
-- archive_tsquery(q) applies them to a query in web-search syntax. The break is ';': the
-- parser reads it as a blank, and websearch_to_tsquery keeps the terms of one
-- space-separated chunk adjacent, so "GPT-5.4" and "gpt5.4" are the phrase gpt <-> 5.4 and
-- "GPT 5.4" the words gpt & 5.4. A hyphenated word also finds its joined form
-- ("open-weight" = open <-> weight | openweight).
--
-- The accent fold is pure SQL (normalize, regexp_replace, translate), so it is IMMUTABLE,
-- the same on every PostgreSQL and needs no extension (unaccent is not always installed,
-- and its function is only STABLE). Only texts holding an accented Latin letter pay for it.
-- normalize() needs a UTF8 database.
--
-- The generated tsvector columns of V2 are replaced (dropping a column drops its GIN index),
-- the term statistics of V4 recomputed and the vocabulary view rebuilt: in place, nothing
-- stored is touched but derived search data. It takes minutes on a large archive
-- (BENCHMARKS.md run 8: 26 minutes for 2 M transcript segments on a heavily loaded 2-core
-- machine); the notices below say how long it took.

do $$
begin
    if current_setting('server_encoding') <> 'UTF8' then
        raise exception 'The archive needs a UTF8 database for search (this one is %): create it with ENCODING ''UTF8'' and restore a pg_dump into it',
            current_setting('server_encoding');
    end if;
    raise notice 'Re-indexing search for % transcript segments, % chapters and % episodes (minutes: 2 million segments took 26 on a busy 2-core machine)...',
        (select count(*) from transcript_segment), (select count(*) from chapter), (select count(*) from episode);
end
$$;

create temporary table search_reindex_started on commit drop as select clock_timestamp() as at;

-- SQL-standard bodies (RETURN): parsed once, their dependencies recorded, no search_path
-- lookup when a generated column or a restore calls them.
create function archive_search_fold(t text) returns text
    language sql immutable strict parallel safe
return case
    when t ~ '[\u00c0-\u024f\u1e00-\u1eff\ufb00-\ufb06]'
    then replace(replace(replace(replace(replace(replace(
            translate(regexp_replace(normalize(t, NFKD), '[\u0300-\u036f]+', '', 'g'),
                U&'\00D8\00F8\0141\0142\0110\0111\0126\0127\0131\0166\0167', 'OoLlDdHhiTt'),
            U&'\00DF', 'ss'), U&'\00E6', 'ae'), U&'\00C6', 'AE'), U&'\0153', 'oe'), U&'\0152', 'OE'),
            U&'\00FE', 'th')
    else t
end;

-- Three passes: one regular expression with alternatives measured three times slower.
create function archive_search_text(t text) returns text
    language sql immutable strict parallel safe
return regexp_replace(regexp_replace(regexp_replace(archive_search_fold(t),
        '([[:alnum:]])[-_/\u2010-\u2015\u2212](?=[[:alnum:]])', '\1;', 'g'),
        '([[:alpha:]][[:alpha:]])([[:digit:]])', '\1;\2', 'g'),
        '([[:digit:]])([[:alpha:]][[:alpha:]])', '\1;\2', 'g');

create text search configuration archive_search (copy = english);

create function archive_tsquery(q text) returns tsquery
    language plpgsql immutable strict parallel safe as $$
declare
    -- typographic double quotes delimit a phrase like straight ones
    result tsquery := websearch_to_tsquery('archive_search',
        archive_search_text(regexp_replace(q, '[\u201c-\u201f\u00ab\u00bb]', '"', 'g')));
    compound text;
    parts tsquery;
    joined tsquery;
begin
    -- "open-weight" also finds "openweight": its phrase gets the joined word as alternative
    for compound in
        select distinct m[1]
        from regexp_matches(archive_search_fold(q),
            '(?:^|[^[:alnum:]])([[:alpha:]]+(?:[-\u2010-\u2015][[:alpha:]]+)+)(?![[:alnum:]])', 'g') m
    loop
        parts := phraseto_tsquery('archive_search', regexp_replace(compound, '[-\u2010-\u2015]', ' ', 'g'));
        joined := plainto_tsquery('archive_search', regexp_replace(compound, '[-\u2010-\u2015]', '', 'g'));
        if numnode(parts) >= 3 and numnode(joined) = 1 then
            result := ts_rewrite(result, parts, parts || joined);
        end if;
    end loop;
    return result;
end
$$;

alter table episode
    drop column title_vector,
    drop column notes_vector,
    add column title_vector tsvector generated always as
        (setweight(to_tsvector('archive_search', archive_search_text(coalesce(title, ''))), 'A')) stored,
    add column notes_vector tsvector generated always as
        (setweight(to_tsvector('archive_search', archive_search_text(coalesce(show_notes_html, ''))), 'C')) stored;

create index episode_title_vector_idx on episode using gin (title_vector);
create index episode_notes_vector_idx on episode using gin (notes_vector);

alter table chapter
    drop column search_vector,
    add column search_vector tsvector generated always as
        (setweight(to_tsvector('archive_search', archive_search_text(title)), 'B')) stored;

create index chapter_search_vector_idx on chapter using gin (search_vector);

alter table transcript_segment
    drop column search_vector,
    add column search_vector tsvector generated always as
        (setweight(to_tsvector('archive_search', archive_search_text(text)), 'D')) stored;

create index transcript_segment_search_vector_idx on transcript_segment using gin (search_vector);

-- The term statistics follow the new lexemes: recomputed for every episode, as V4 did.
truncate search_term, search_document, search_stale_episode;
do $$
begin
    -- in a block, so Flyway does not print one result row per episode
    perform search_refresh_episode(id) from episode;
end
$$;

-- The suggestions' vocabulary in the same analysis, unstemmed: words (folded: "tulu" for
-- Tülu) and, for the name variants, the terms holding a digit with a letter or a dot
-- ("r1", "k2.5", "5.4"; plain numbers are left out).
drop materialized view search_vocabulary;

create materialized view search_vocabulary as
select word, count(*) as ndoc
from (
    select unnest(tsvector_to_array(to_tsvector('simple', archive_search_text(text)))) as word from transcript_segment
    union all
    select unnest(tsvector_to_array(to_tsvector('simple', archive_search_text(title)))) from chapter
    union all
    select unnest(tsvector_to_array(to_tsvector('simple', archive_search_text(title)))) from episode
) words
where (length(word) between 3 and 40 and word ~ '^[[:alpha:]]+$')
   or (length(word) between 2 and 20 and word ~ '^[[:alnum:].]+$' and word ~ '[[:digit:]]' and word ~ '[[:alpha:].]')
group by word;

create unique index search_vocabulary_word_idx on search_vocabulary (word);
create index search_vocabulary_trgm_idx on search_vocabulary using gin (word gin_trgm_ops);

do $$
begin
    raise notice 'Search re-index done in % s',
        round(extract(epoch from clock_timestamp() - (select at from search_reindex_started))::numeric, 1);
end
$$;
