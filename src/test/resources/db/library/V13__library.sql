-- A library of shows (issue 24). The podcast table holds one row per show; the archive that
-- existed before keeps its show as the first one, with every episode, chapter, segment, person,
-- file, revision and poll run where it was. Nothing is deleted or rewritten here except the
-- slug constraint, which becomes per show.

alter table podcast
    -- the show's name in URLs (/shows/{slug}); given once, never changed afterwards
    add column slug       text,
    -- where the show came from: the configuration, an OPML file, the admin form, an import
    add column origin     text not null default 'CONFIG'
        check (origin in ('CONFIG', 'OPML', 'FORM', 'IMPORT')),
    -- paused by the operator: not polled, still shown
    add column paused_at  timestamptz,
    -- removed by the operator: its episodes are deleted; the row stays as a tombstone, so an
    -- OPML file that still lists the show does not bring it back (the admin form or an import
    -- does)
    add column removed_at timestamptz;

-- Slugs for the shows that exist: the title's letters (a to z) and digits joined by hyphens, the common
-- Latin accents dropped first (as the application's rule does), at most 80 characters;
-- "show-<id>" for a show without a usable title (never polled); a second show with the same
-- title (an archive whose feed URL was changed once holds two rows) gets its id appended.
update podcast p
set slug = named.slug
from (select id,
             case when row_number() over (partition by base order by id) = 1 then base
                  else base || '-' || id end as slug
      from (select id,
                   coalesce(nullif(left(trim(both '-' from regexp_replace(
                       translate(lower(coalesce(title, '')),
                                 'àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿœšžł',
                                 'aaaaaaaceeeeiiiinoooooouuuuyyoszl'),
                       '[^a-z0-9]+', '-', 'g')), 80), ''), 'show-' || id) as base
            from podcast) titled) named
where named.id = p.id;

alter table podcast alter column slug set not null;
alter table podcast add constraint podcast_slug_unique unique (slug);

-- Two shows may have episodes with the same title, so an episode's slug is unique in its show.
alter table episode drop constraint episode_slug_unique;
alter table episode add constraint episode_slug_unique unique (podcast_id, slug);
-- the URLs of before the library, /episodes/{slug}, still find their episode
create index episode_slug_idx on episode (slug);
-- a show's archive page, newest first
create index episode_show_published_idx on episode (podcast_id, published_at desc, id desc);
-- a show's poll history
create index poll_run_show_started_idx on poll_run (podcast_id, started_at desc);
