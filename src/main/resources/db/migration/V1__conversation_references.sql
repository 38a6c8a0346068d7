-- Where the bot can reach each user: the Bot Framework conversation reference of their 1:1 chat.
-- Written on install, on conversationUpdate adding the bot, and on every message; kept (installed =
-- false) when the app is uninstalled, so nothing is sent there again.
create table conversation_reference (
    user_object_id   varchar(64)  not null primary key,
    tenant_id        varchar(64),
    conversation_id  varchar(512) not null,
    service_url      varchar(512) not null,
    reference_json   varchar(8000) not null,
    installed        boolean      not null,
    updated_at       timestamp with time zone not null
);
