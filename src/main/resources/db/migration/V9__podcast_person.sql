-- The people the feed names for an episode (Podcasting 2.0 <podcast:person>): the item's
-- own tags, else the channel's, as the namespace applies them. The feed is the authority
-- here, so each store of the item replaces the episode's rows (a corrected name or role
-- does not linger); the raw values were bounded and the URLs checked while parsing.
create table episode_person (
    episode_id   bigint  not null references episode (id) on delete cascade,
    position     integer not null,
    name         text    not null check (length(name) <= 128),
    role         text    not null,
    person_group text    not null,
    img_url      text,
    href         text,
    primary key (episode_id, position)
);

-- /speakers matches persons to transcript speakers by name, ignoring case.
create index episode_person_name_idx on episode_person (lower(name), episode_id);
