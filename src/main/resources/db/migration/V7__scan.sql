-- A tenant scan: where it is (Graph's next-page link), and what it found for each person.
create table scan_run (
    id            varchar(64)   not null primary key,
    requested_by  varchar(64),
    action        varchar(16)   not null,
    language      varchar(16)   not null,
    conversation_reference varchar(8000),
    card_id       varchar(512),
    state         varchar(16)   not null,
    page_cursor   varchar(4000),
    pages         integer       not null,
    started_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    finished_at   timestamp with time zone
);

create table scan_finding (
    run_id               varchar(64)   not null,
    subject_id           varchar(64)   not null,
    user_principal_name  varchar(320),
    display_name         varchar(256),
    scan_class           varchar(20)   not null,
    detail               varchar(1000),
    primary key (run_id, subject_id)
);
create index scan_finding_class_idx on scan_finding (run_id, scan_class);
