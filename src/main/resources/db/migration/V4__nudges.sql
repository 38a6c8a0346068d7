-- Proactive nudges: a campaign (who asked, when) and one delivery row per recipient with its status.
create table nudge_campaign (
    id            varchar(64) not null primary key,
    requester_id  varchar(64) not null,
    language      varchar(16) not null,
    created_at    timestamp with time zone not null
);

create table nudge_delivery (
    campaign_id   varchar(64)  not null,
    recipient_id  varchar(64)  not null,
    state         varchar(16)  not null,
    reason        varchar(1000),
    activity_id   varchar(512),
    attempts      integer      not null,
    tapped_at     timestamp with time zone,
    sync_job_id   varchar(64),
    updated_at    timestamp with time zone not null,
    primary key (campaign_id, recipient_id)
);
create index nudge_delivery_state_idx on nudge_delivery (campaign_id, state);

-- Teams' throttling is per app per tenant: when refusals persist, every replica pauses until paused_until.
create table proactive_pause (
    tenant               varchar(64) not null primary key,
    paused_until         timestamp with time zone not null,
    consecutive_refusals integer not null,
    pauses               integer not null
);

-- Bucket4j's table for the send rate shared across replicas (PostgreSQL).
create table bucket (
    id          bigint not null primary key,
    state       bytea,
    expires_at  bigint
);
