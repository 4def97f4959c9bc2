-- Operations: what the operator's view and running several instances need.

-- Why an episode's description did not give a clean transcript (a "Transcript" heading with
-- no segment recognised, lines the parser skipped); null when it parsed cleanly. Filled on
-- ingest and by a re-parse, so older rows stay null until the operator re-parses.
alter table episode add column parse_warnings text;

create index episode_parse_warnings_idx on episode (id) where parse_warnings is not null;

-- ShedLock's lock table (net.javacrumbs.shedlock, JdbcTemplateLockProvider with usingDbTime()):
-- one row per named lock, so that of several app instances only one polls the feed at a time.
create table shedlock (
    name        varchar(64)  not null primary key,
    lock_until  timestamp    not null,
    locked_at   timestamp    not null,
    locked_by   varchar(255) not null
);
