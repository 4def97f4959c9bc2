-- Issue 12: after a kill -9 the ShedLock row of a poll or re-parse stays held until its
-- lock_until (10 minutes by default). The instance holding a lock writes a row here and
-- refreshes heartbeat_at every few seconds while it works, and deletes it when done, so
-- the admin page can tell a lock held by a live instance from one left by a dead one, and
-- the operator can break the latter. Times are UTC database time, as in shedlock.
create table lock_heartbeat (
    lock_name    varchar(64)  not null primary key,
    holder       varchar(255) not null,
    action       varchar(64)  not null,
    started_at   timestamp    not null,
    heartbeat_at timestamp    not null
);
