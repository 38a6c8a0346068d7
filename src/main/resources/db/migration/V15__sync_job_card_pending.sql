-- A job starts while its "Syncing…" card is still on its way to Teams (its Microsoft calls need not
-- wait for Teams'); until the card's id is known the job says so, and its end waits for it.
alter table sync_job add column card_pending boolean default false not null;
