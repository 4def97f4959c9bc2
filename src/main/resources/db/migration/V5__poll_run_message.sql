-- poll_run.error_message also holds notes of successful runs (a permanent redirect seen or
-- adopted): it is the run's message.
alter table poll_run rename column error_message to message;
