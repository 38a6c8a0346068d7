-- The report sign-in is bound to the browser that started it (login CSRF): the flow keeps the
-- SHA-256 of a nonce cookie set on that browser, and the session it opens stays unconfirmed until
-- a request carrying the same cookie uses it.
alter table report_sign_in add column browser_hash varchar(64);
alter table report_session add column browser_hash varchar(64);
