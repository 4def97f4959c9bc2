-- What 53 real feeds said that was never kept (issue 23): how the show numbers its
-- episodes, and the other files of an episode's media.

-- itunes:season and itunes:episode, as the item gives them (null: not given).
alter table episode
    add column season         integer check (season >= 0),
    add column episode_number integer check (episode_number >= 0);

-- itunes:type of the show: 'episodic' or 'serial' (null: not given). An episodic show
-- that numbers its episodes is listed by season and episode, newest first.
alter table podcast add column show_type text check (show_type in ('episodic', 'serial'));

-- Podcasting 2.0 <podcast:alternateEnclosure>: the same episode in other formats, bitrates,
-- languages or as video, in the item's order. Attributes as given (bounded while parsing);
-- bitrate in bits per second. sources is the list of <podcast:source> children as JSON,
-- [{"uri": "...", "contentType": "..." or null}], each URI of a media scheme (http(s),
-- ipfs, ipns, magnet, ar) and checked while parsing; pages offer the http(s) ones only.
create table episode_alternate_enclosure (
    episode_id   bigint  not null references episode (id) on delete cascade,
    position     integer not null,
    mime_type    text,
    length_bytes bigint  check (length_bytes > 0),
    bitrate      bigint  check (bitrate > 0),
    height       integer check (height > 0),
    lang         text,
    title        text,
    rel          text,
    codecs       text,
    is_default   boolean not null default false,
    sources      jsonb   not null check (jsonb_typeof(sources) = 'array'),
    primary key (episode_id, position)
);
