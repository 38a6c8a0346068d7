-- The subject's UPN as the requester resolved it, so that auditing a colleague's or a bulk sync
-- needs no directory call per job.
alter table sync_job add column subject_upn varchar(320);
