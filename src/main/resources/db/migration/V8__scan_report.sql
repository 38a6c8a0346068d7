-- What a run did for each person and how its requester follows it (issue #7: progress and report).
-- A run is a tenant scan, or a bulk sync of a group's members (no class: nobody was scanned).
alter table scan_run add column title varchar(256);
alter table scan_run add column nudge_campaign_id varchar(64);
alter table scan_run add column acted_at timestamp with time zone;
alter table scan_run add column completed_at timestamp with time zone;

-- SYNC (a job keyed 'scan:<run>:<person>'), NUDGE (a delivery in the run's campaign), OUT_OF_SCOPE, or null.
alter table scan_finding add column action varchar(16);
alter table scan_finding alter column scan_class drop not null;

-- The report pages' browser sign-in (authorization code with PKCE) and the sessions it opens.
-- Sessions are kept by the SHA-256 of the cookie's value, so the table alone opens nothing.
create table report_sign_in (
    state          varchar(64)  not null primary key,
    code_verifier  varchar(128) not null,
    return_path    varchar(512) not null,
    created_at     timestamp with time zone not null
);

create table report_session (
    id_hash      varchar(64) not null primary key,
    object_id    varchar(64) not null,
    user_principal_name varchar(320),
    expires_at   timestamp with time zone not null
);
