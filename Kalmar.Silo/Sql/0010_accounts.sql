-- Who owns which e-mail address: sign-in by e-mail, and one address per user (the primary key decides races).
create table if not exists user_email (
  email text primary key,
  user_id uuid not null unique
);

-- ASP.NET Core data protection keys, shared by all web nodes so a cookie or token issued by one is read by all.
create table if not exists data_protection_keys (
  friendly_name text primary key,
  xml text not null,
  created_at timestamptz not null default now()
);
