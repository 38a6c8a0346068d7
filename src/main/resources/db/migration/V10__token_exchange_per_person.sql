-- A signin/tokenExchange id is claimed per person: someone else presenting your exchange id
-- first (with their own token) must not use up your claim and silently drop your parked request.
create table token_exchange_claim (
    exchange_id  varchar(200) not null,
    subject_id   varchar(64)  not null,
    claimed_at   timestamp with time zone not null,
    primary key (exchange_id, subject_id)
);
insert into token_exchange_claim (exchange_id, subject_id, claimed_at) select exchange_id, subject_id, claimed_at from token_exchange;
drop table token_exchange;
