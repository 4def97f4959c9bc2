-- Speaker pages (/speakers, /speakers/{slug}) read the transcript by speaker: the list
-- counts turns and episodes per speaker from this index alone, a speaker's page finds
-- their turns without reading the whole transcript table.
create index transcript_segment_speaker_idx on transcript_segment (speaker, episode_id, position)
    where speaker is not null;
