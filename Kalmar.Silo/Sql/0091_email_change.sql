-- E-mail change with proof (issue 16, item 5): the address a user asked for waits here, with the hash of the link
-- sent to it, until the link is used; users.email changes only then.
alter table users add column if not exists email_change_to text;
alter table users add column if not exists email_change_id uuid;
alter table users add column if not exists email_change_hash text;
alter table users add column if not exists email_change_expires_at timestamptz;
