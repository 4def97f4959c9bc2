-- Full-text search (issue 5). Every searchable text gets a stored generated tsvector,
-- so PostgreSQL keeps it current on every insert and update and nothing is built by hand.
-- The 'english' configuration stems ("models" finds "model") and drops stop-words.
-- Weights say where a match was: A episode title, B chapter title, C show notes,
-- D transcript speech; ts_rank_cd's weight array then ranks a title match above speech.
-- The columns are not mapped in JPA: Hibernate never writes them.

create extension if not exists pg_trgm;

alter table episode
    add column title_vector tsvector
        generated always as (setweight(to_tsvector('english', coalesce(title, '')), 'A')) stored,
    -- the sanitized notes HTML: the default parser reads tags as 'tag' tokens, which the
    -- english configuration does not index, so only the text is searchable
    add column notes_vector tsvector
        generated always as (setweight(to_tsvector('english', coalesce(show_notes_html, '')), 'C')) stored;

create index episode_title_vector_idx on episode using gin (title_vector);
create index episode_notes_vector_idx on episode using gin (notes_vector);

alter table chapter
    add column search_vector tsvector
        generated always as (setweight(to_tsvector('english', title), 'B')) stored;

create index chapter_search_vector_idx on chapter using gin (search_vector);

alter table transcript_segment
    add column search_vector tsvector
        generated always as (setweight(to_tsvector('english', text), 'D')) stored;

create index transcript_segment_search_vector_idx on transcript_segment using gin (search_vector);

-- The archive's own vocabulary, for "did you mean" suggestions when a search finds
-- nothing: unstemmed words ('simple' configuration) of transcripts and titles, with the
-- number of texts each occurs in. Refreshed by SearchVocabulary when the dirty flag below
-- says the searchable tables changed.
create materialized view search_vocabulary as
-- (not ts_stat: its query is a string run under REFRESH's restricted search_path, where
-- unqualified table names do not resolve; this form binds the tables at creation)
select word, count(*) as ndoc
from (
    select unnest(tsvector_to_array(to_tsvector('simple', text))) as word from transcript_segment
    union all
    select unnest(tsvector_to_array(to_tsvector('simple', title))) from chapter
    union all
    select unnest(tsvector_to_array(to_tsvector('simple', title))) from episode
) words
where length(word) between 3 and 40
  and word ~ '^[[:alpha:]]+$'
group by word;

-- unique: required by REFRESH MATERIALIZED VIEW CONCURRENTLY (searches keep reading)
create unique index search_vocabulary_word_idx on search_vocabulary (word);
create index search_vocabulary_trgm_idx on search_vocabulary using gin (word gin_trgm_ops);

-- The speakers for the search form's speaker filter, refreshed with the vocabulary: a
-- distinct over millions of segments is too slow for every page view.
create materialized view search_speaker as
select speaker, count(*) as segments
from transcript_segment
where speaker is not null
group by speaker;

create unique index search_speaker_speaker_idx on search_speaker (speaker);

-- One row: whether the searchable tables changed since the views were last refreshed.
-- Statement-level triggers set it (once per statement, and only when not already set,
-- so ingest does not rewrite the row for every batch).
create table search_vocabulary_state (
    id            integer     primary key check (id = 1),
    dirty         boolean     not null,
    refreshed_at  timestamptz
);

insert into search_vocabulary_state (id, dirty) values (1, false);

create function search_vocabulary_mark_dirty() returns trigger language plpgsql as $$
begin
    update search_vocabulary_state set dirty = true where id = 1 and not dirty;
    return null;
end
$$;

create trigger transcript_segment_vocabulary_dirty
    after insert or update or delete or truncate on transcript_segment
    for each statement execute function search_vocabulary_mark_dirty();

create trigger chapter_vocabulary_dirty
    after insert or update or delete or truncate on chapter
    for each statement execute function search_vocabulary_mark_dirty();

create trigger episode_vocabulary_dirty
    after insert or update of title or delete or truncate on episode
    for each statement execute function search_vocabulary_mark_dirty();
