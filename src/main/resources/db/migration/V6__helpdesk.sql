-- Who is signed in through Teams SSO, as their validated SSO token said: their UPN and the app
-- roles assigned to them on PhotoSync (e.g. PhotoSync.Operator), until the token expired.
create table signed_in_person (
    subject_id           varchar(64)   not null primary key,
    user_principal_name  varchar(320),
    roles                varchar(2000) not null,
    expires_at           timestamp with time zone not null
);

-- A command that waits for its sender to sign in is re-read as typed once they are.
alter table sign_in_request add column command varchar(2000);

-- What PhotoSync did, for whom, at whose request, and how it ended; nothing is ever deleted by the bot.
create table audit_entry (
    id              varchar(64)   not null primary key,
    at              timestamp with time zone not null,
    requester_id    varchar(64),
    requester_upn   varchar(320),
    subject_id      varchar(64),
    subject_upn     varchar(320),
    action          varchar(40)   not null,
    mode            varchar(16),
    outcome         varchar(40)   not null,
    reason          varchar(2000),
    etag_before     varchar(200),
    etag_after      varchar(200),
    mthumb_sha256   varchar(64),
    correlation_id  varchar(200)  not null
);
create index audit_entry_subject_idx on audit_entry (subject_id, at);
