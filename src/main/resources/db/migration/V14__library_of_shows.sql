-- A library of shows (issue 24): each show gets a slug (its URLs carry it, it never
-- changes once given), where it came from, and the operator's pause and removal marks.
alter table podcast
    add column slug       text,
    add column origin     text not null default 'CONFIG'
        check (origin in ('CONFIG', 'OPML', 'FORM', 'IMPORT')),
    -- paused by the operator: not polled, still shown
    add column paused_at  timestamptz,
    -- removed by the operator (an explicit, confirmed action): its episodes are deleted, the
    -- row stays as a tombstone so that an OPML listing it again does not bring it back (only
    -- the admin form or an import does)
    add column removed_at timestamptz;

-- Shows already read get a slug from their title, as the application makes them (lower-case
-- words joined by hyphens); a clash (an archive whose feed URL was changed once has two rows
-- with one title) gets the id appended. A show never read gets its slug at its first read.
update podcast p set slug = s.slug from (
    select id, case when row_number() over (partition by base order by id) = 1 then base
                    else base || '-' || id end as slug
    from (select id, coalesce(nullif(left(trim(both '-' from regexp_replace(lower(title),
                 '[^[:alnum:]]+', '-', 'g')), 80), ''), 'show-' || id) as base
          from podcast where title is not null) b) s
where s.id = p.id;

alter table podcast add constraint podcast_slug_unique unique (slug);

-- a show's archive page, newest first, and its poll history
create index episode_show_published_idx on episode (podcast_id, published_at desc nulls last, id desc);
create index poll_run_show_started_idx on poll_run (podcast_id, started_at desc);
