-- What SharePoint showed of a person just before PhotoSync replaced it, for undo and "history for":
-- the three rendition files as they were (any may be null) and the picture properties. Bounded:
-- the last photosync.history.versions per person, none older than photosync.history.retention,
-- none of an account the directory no longer has.
create table photo_version (
    id                 varchar(64)   not null primary key,
    subject_id         varchar(64)   not null,
    kept_at            timestamp with time zone not null,
    picture_url        varchar(2000),
    placeholder_state  varchar(16),
    picture_timestamp  varchar(32),
    small_jpeg         bytea,
    medium_jpeg        bytea,
    large_jpeg         bytea
);
create index photo_version_subject_idx on photo_version (subject_id, kept_at);
create index photo_version_kept_idx on photo_version (kept_at);

-- The audit entry of a change names the version that holds what it replaced.
alter table audit_entry add column photo_version varchar(64);

-- An undo is a job like a sync: it writes this version back.
alter table sync_job add column restore_version varchar(64);
