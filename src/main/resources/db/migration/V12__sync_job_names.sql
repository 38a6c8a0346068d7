-- Who asked and whom it is about, by name, as the request knew them: the card and the audit at a
-- job's end read them here instead of asking the directory again.
alter table sync_job add column subject_name varchar(256);
alter table sync_job add column requester_upn varchar(320);
alter table sync_job add column requester_name varchar(256);
