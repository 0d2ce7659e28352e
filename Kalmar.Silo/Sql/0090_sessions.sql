-- Server-side sessions (issue 16, item 4): every portal cookie and every app token names a row here, and a request
-- is answered only while its row is open. Logout, "Mina enheter", a password change or reset, a role change and
-- deactivation end rows; a portal session also ends after 30 idle minutes or 12 hours, an app session 30 days after
-- its refresh token was last used. Only hashes of refresh tokens are kept.
create table if not exists sessions (
  id uuid primary key,
  user_id uuid not null references users (id),
  kind text not null check (kind in ('portal', 'app')),
  created_at timestamptz not null,
  last_seen_at timestamptz not null,  -- written at most once a minute per session
  user_agent text,
  expires_at timestamptz not null,
  refresh_hash text,                  -- SHA-256 of an app session's current refresh token: presenting an older one ends the session
  ended_at timestamptz,
  ended_why text
);

create index if not exists sessions_open_by_user on sessions (user_id) where ended_at is null;
