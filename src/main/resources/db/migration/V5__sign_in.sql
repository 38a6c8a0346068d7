-- Delegated access tokens from Teams SSO (on-behalf-of), one per person and resource, encrypted
-- with AES-256-GCM under photosync.sso.token-key; the row's own key is bound into the cipher text,
-- so a token copied to another person's row does not decrypt. Rows expire with their tokens.
create table delegated_token (
    subject_id   varchar(64)   not null,
    scope        varchar(512)  not null,
    sealed       varchar(16000) not null,
    expires_at   timestamp with time zone not null,
    primary key (subject_id, scope)
);

-- Every open Teams client of a person sends the same signin/tokenExchange (same value.id); the
-- first insert wins, on whichever replica, and the others are answered without a second exchange.
create table token_exchange (
    exchange_id  varchar(200) not null primary key,
    subject_id   varchar(64)  not null,
    claimed_at   timestamp with time zone not null
);

-- A request waiting for its sender to sign in: what they asked for, where to answer, which
-- sign-in card was sent. Completed when an exchange for it succeeds.
create table sign_in_request (
    id                      varchar(64)   not null primary key,
    request_key             varchar(600)  not null unique,
    subject_id              varchar(64)   not null,
    language                varchar(16)   not null,
    conversation_reference  varchar(8000) not null,
    card_id                 varchar(512),
    nudge_id                varchar(64),
    created_at              timestamp with time zone not null,
    completed_at            timestamp with time zone
);

-- The consent page's authorization-code flow in progress: its state, for whom, and the PKCE
-- verifier (useless without the code Entra sends back). Taken once by the callback, on any replica.
create table consent_state (
    state          varchar(64)  not null primary key,
    request_id     varchar(64)  not null,
    subject_id     varchar(64)  not null,
    code_verifier  varchar(128) not null,
    created_at     timestamp with time zone not null
);
