-- A photo someone sent the bot, normalised (a square JPEG of at most 648 pixels) and waiting for
-- "Use it": kept only until it is used, cancelled or expires (photosync.photo.expire-after).
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

-- With PHOTOSYNC_PHOTO_APPROVAL set, "Use it" asks the approvers first. Who approved a new photo
-- (then it is written with PhotoSync's application permission: the person's sign-in has expired).
alter table new_photo add column approved_by varchar(64);

-- A new photo waiting for an approver: where the person's card is, until when, and the decision.
create table photo_approval (
    photo_id           varchar(64)   not null primary key,
    subject_id         varchar(64)   not null,
    subject_name       varchar(256),
    language           varchar(16)   not null,
    conversation_json  text          not null,
    card_id            varchar(256),
    requested_at       timestamp with time zone not null,
    expires_at         timestamp with time zone not null,
    decision           varchar(16),
    decided_by         varchar(64),
    decided_by_name    varchar(256),
    reason             varchar(500)
);
create index photo_approval_expires_idx on photo_approval (expires_at);

-- The card each approver was sent about it, to show the decision there too.
create table photo_approval_card (
    photo_id           varchar(64)   not null,
    approver_id        varchar(64)   not null,
    conversation_json  text          not null,
    card_id            varchar(256),
    primary key (photo_id, approver_id)
);

-- A new photo Microsoft 365 did not show yet when its job ended (kind 'microsoft-365'), or a photo
-- SharePoint was asked to pull itself (kind 'pull', least privilege): re-checked until it shows or
-- the watch ends (photosync.photo.propagation-watch-for), its card in the chat updated each time.
-- previous_etag holds what was shown before: Microsoft 365's ETag, or SharePoint's picture timestamp
-- and URL; source_etag the Microsoft 365 ETag a pull brings.
create table propagation_watch (
    id                 varchar(64)   not null primary key,
    kind               varchar(16)   not null,
    source_etag        varchar(256),
    subject_id         varchar(64)   not null,
    subject_name       varchar(256),
    colleague          boolean       not null,
    language           varchar(16)   not null,
    conversation_json  text          not null,
    card_id            varchar(256),
    previous_etag      varchar(256)  not null,
    started_at         timestamp with time zone not null,
    deadline           timestamp with time zone not null,
    checks             integer       not null
);
