-- One row per requested sync. request_key makes a retried delivery of the same activity or invoke
-- the same job. The queue itself is db-scheduler's table (V3); this row is what the job is about
-- and how it ended.
create table sync_job (
    id                varchar(64)   not null primary key,
    request_key       varchar(512)  not null unique,
    subject_id        varchar(64)   not null,
    requester_id      varchar(64),
    language          varchar(16)   not null,
    conversation_json varchar(8000),
    card_activity_id  varchar(512),
    state             varchar(16)   not null,
    outcome           varchar(64),
    detail            varchar(1000),
    attempts          integer       not null,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null
);
create index sync_job_subject_idx on sync_job (subject_id);
create index sync_job_state_idx on sync_job (state, updated_at);

-- At most one sync per person at a time, across every replica: a job holds its subject's lease
-- while it runs. A lease outlives a dead worker only until expires_at.
create table subject_lease (
    subject_id  varchar(64) not null primary key,
    job_id      varchar(64) not null,
    expires_at  timestamp with time zone not null
);
