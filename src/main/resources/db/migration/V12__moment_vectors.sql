-- Search by meaning (README "Search by meaning"): a sentence embedding for every moment
-- (transcript paragraph, chapter title, episode title, show-notes paragraph), computed in
-- the background by one worker per instance after ingest or re-parse. Derived data: it
-- can always be computed again from the episode's text, so the worker replaces and
-- removes vectors freely; the content tables are never touched.

-- One row per episode: whether its moments must be (re-)embedded, who is embedding them,
-- and what the in-memory index must reload.
create table meaning_episode (
    episode_id     bigint      primary key references episode (id) on delete cascade,
    -- its text changed since it was last embedded (set by trigger, cleared when claimed)
    stale          boolean     not null default true,
    -- the model and version of its vectors ('bge-small-en-v1.5-q@1.11.0-beta19'), null
    -- until first embedded: another model re-embeds every episode
    model          text,
    -- the instance embedding it now, until its lease ends (then another may take over)
    claimed_by     text,
    claimed_until  timestamptz,
    -- moments it had when last embedded, for the progress shown to the operator
    moments        integer     not null default 0,
    embedded_at    timestamptz,
    -- raised each time its vectors change: instances reload the episodes they have not seen
    revision       bigint
);

create sequence meaning_revision_seq;

-- One row per moment. Position: the segment's or chapter's position, the notes
-- paragraph's number (from 0, in the order MomentTexts splits the notes), 0 for the
-- title.
create table moment_vector (
    episode_id  bigint  not null references episode (id) on delete cascade,
    kind        text    not null check (kind in ('TITLE', 'CHAPTER', 'NOTES', 'SEGMENT')),
    position    integer not null,
    -- SHA-256 of the exact text embedded (with any borrowed context): a moment whose text
    -- is unchanged keeps its vector, and identical texts are embedded once
    text_hash   bytea   not null,
    model       text    not null,
    -- 384 IEEE 754 floats, little-endian (1,536 bytes), unit length
    embedding   bytea   not null,
    primary key (episode_id, kind, position)
);

create index moment_vector_text_idx on moment_vector (model, text_hash);

-- Every change of an episode's searchable text already recomputes its term statistics
-- (V4), which rewrites its search_document row at commit: that marks it for embedding.
create function meaning_mark_stale() returns trigger language plpgsql as $$
begin
    insert into meaning_episode (episode_id) values (new.episode_id)
    on conflict (episode_id) do update set stale = true;
    return null;
end
$$;

create trigger search_document_meaning_stale after insert on search_document
    for each row execute function meaning_mark_stale();

-- Episodes stored before this migration.
insert into meaning_episode (episode_id) select id from episode;
