-- E-mail and SMS on their way out. Grains insert (id derived from the event, so a retry adds
-- nothing); the dispatcher on each silo claims due unsent rows with "for update skip locked",
-- sends them and sets sent_at, or counts the attempt and schedules the next one.
create table if not exists outbox (
  id uuid primary key,
  channel text not null check (channel in ('email', 'sms')),
  recipient text not null,
  subject text,
  body text not null,
  html_body text,
  created_at timestamptz not null,
  sent_at timestamptz,
  attempts int not null default 0,
  next_attempt_at timestamptz not null,
  last_error text
);

-- What the dispatcher looks for: unsent rows that are due.
create index if not exists outbox_due on outbox (next_attempt_at) where sent_at is null;

-- /dev/outbox lists the newest first.
create index if not exists outbox_created on outbox (created_at desc);
