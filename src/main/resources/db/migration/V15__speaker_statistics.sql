-- Speakers per episode, for the speaker pages (/speakers, /speakers/{slug}), the API's
-- speakers and the library's "heard on" shows. Counted from the transcripts each time, these
-- read every segment of the archive: about 2 s a page at 2 M segments (BENCHMARKS.md, "A
-- library of 200 shows"), and the list of speakers is read again by each speaker's page.
-- Here they are kept per episode and speaker, so those pages read one row per episode a
-- speaker is heard in.
--
-- Kept current as V4 keeps the search statistics, whatever writes the transcript: each
-- statement that touches an episode's segments marks the episode stale, and one deferred
-- trigger per stale episode recounts its rows at commit.

create table episode_speaker (
    episode_id      bigint  not null references episode (id) on delete cascade,
    -- the transcript's label, as written
    speaker         text    not null,
    -- segments labelled with the speaker
    segments        integer not null,
    -- segments where the speaker takes over from another label or from an unlabelled one
    turns           integer not null,
    -- the speaker's first segment in the episode, and its time (null when untimed)
    first_position  integer not null,
    first_start     integer,
    primary key (speaker, episode_id)
);

create index episode_speaker_episode_idx on episode_speaker (episode_id);

-- A speaker's quotes are their longest segments: read longest first, for one speaker.
create index transcript_segment_speaker_length_idx
    on transcript_segment (speaker, length(text) desc, episode_id, position)
    where speaker is not null;

create table speaker_stale_episode (
    episode_id  bigint primary key
);

create function speaker_refresh_episode(p_episode bigint) returns void language plpgsql as $$
begin
    delete from episode_speaker where episode_id = p_episode;
    insert into episode_speaker (episode_id, speaker, segments, turns, first_position, first_start)
    select p_episode, t.speaker, count(*),
           count(*) filter (where t.previous is distinct from t.speaker),
           min(t.position), (array_agg(t.start_seconds order by t.position))[1]
    from (
        select s.speaker, s.position, s.start_seconds, lag(s.speaker) over (order by s.position) as previous
        from transcript_segment s where s.episode_id = p_episode
    ) t
    where t.speaker is not null
      and exists (select 1 from episode where id = p_episode)
    group by t.speaker;
end
$$;

create function speaker_stale_episode_refresh() returns trigger language plpgsql as $$
begin
    delete from speaker_stale_episode where episode_id = new.episode_id;
    if found then
        perform speaker_refresh_episode(new.episode_id);
    end if;
    return null;
end
$$;

create constraint trigger speaker_stale_episode_refresh
    after insert on speaker_stale_episode
    deferrable initially deferred
    for each row execute function speaker_stale_episode_refresh();

create function speaker_mark_stale_new() returns trigger language plpgsql as $$
begin
    insert into speaker_stale_episode (episode_id)
    select distinct episode_id from new_rows
    on conflict do nothing;
    return null;
end
$$;

create function speaker_mark_stale_old() returns trigger language plpgsql as $$
begin
    insert into speaker_stale_episode (episode_id)
    select distinct episode_id from old_rows
    on conflict do nothing;
    return null;
end
$$;

create function speaker_mark_stale_changed() returns trigger language plpgsql as $$
begin
    insert into speaker_stale_episode (episode_id)
    select distinct episode_id from old_rows
    union
    select distinct episode_id from new_rows
    on conflict do nothing;
    return null;
end
$$;

create trigger transcript_segment_speaker_insert after insert on transcript_segment
    referencing new table as new_rows for each statement execute function speaker_mark_stale_new();
create trigger transcript_segment_speaker_update after update on transcript_segment
    referencing old table as old_rows new table as new_rows for each statement
    execute function speaker_mark_stale_changed();
create trigger transcript_segment_speaker_delete after delete on transcript_segment
    referencing old table as old_rows for each statement execute function speaker_mark_stale_old();

-- TRUNCATE has no transition table: start over from what is left. (A delete, not a
-- truncate: a TRUNCATE of episode with CASCADE truncates episode_speaker in the same
-- statement, which a nested TRUNCATE of it would refuse.)
create function speaker_statistics_truncated() returns trigger language plpgsql as $$
begin
    delete from episode_speaker;
    insert into speaker_stale_episode (episode_id)
    select id from episode
    on conflict do nothing;
    return null;
end
$$;

create trigger transcript_segment_speaker_truncate after truncate on transcript_segment
    for each statement execute function speaker_statistics_truncated();

-- Episodes stored before this migration, in one pass over the transcripts.
insert into episode_speaker (episode_id, speaker, segments, turns, first_position, first_start)
select t.episode_id, t.speaker, count(*),
       count(*) filter (where t.previous is distinct from t.speaker),
       min(t.position), (array_agg(t.start_seconds order by t.position))[1]
from (
    select s.episode_id, s.speaker, s.position, s.start_seconds,
           lag(s.speaker) over (partition by s.episode_id order by s.position) as previous
    from transcript_segment s
) t
where t.speaker is not null
group by t.episode_id, t.speaker;
