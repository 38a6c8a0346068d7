-- A photo someone sent the bot, normalised (a square JPEG of at most 648 pixels) and waiting for
-- "Use it": kept only until it is used, cancelled or expires (photosync.new-photo.expire-after).
create table new_photo (
    id            varchar(64)   not null primary key,
    subject_id    varchar(64)   not null,
    requester_id  varchar(64)   not null,
    jpeg          bytea         not null,
    preview_jpeg  bytea         not null,
    created_at    timestamp with time zone not null,
    expires_at    timestamp with time zone not null
);
create index new_photo_expires_idx on new_photo (expires_at);

-- "Use it" is a job like a sync: it sets this new photo.
alter table sync_job add column new_photo varchar(64);
