-- Grain state of constant size: history leaves the grains for tables that pages read with paging.

-- A traveller's AllPay credit account: what its rules need now, nothing of its history. The version is the
-- account's optimistic concurrency check: a stale activation's commit matches no row and changes nothing.
create table if not exists credit_accounts (
  traveller_id uuid primary key,
  enabled boolean not null,
  limit_ore bigint not null,
  month text not null,
  used_ore bigint not null,
  version bigint not null
);

-- A charge's answer, kept with its ledger row, so a retry of any age gets the first receipt: the ticket it
-- paid for and the credit as it stood after it.
alter table credit_ledger
  add column if not exists ticket_id uuid,
  add column if not exists limit_ore bigint,
  add column if not exists used_ore bigint;

-- Every ticket issued, staff offer and business trip alike; a ticket is written once, under its own id.
create table if not exists tickets (
  id uuid primary key,
  traveller_id uuid not null,
  source text not null,
  product text not null,
  category text not null,
  zones text[] not null,
  carrier_type text not null,
  carrier_number text not null,
  price_ore bigint not null,
  registered_at timestamptz not null,
  valid_from timestamptz not null,
  valid_to timestamptz not null,
  purpose text
);

create index if not exists tickets_traveller_valid_to on tickets (traveller_id, valid_to);

-- Which orders a traveller placed, newest first.
create table if not exists traveller_orders (
  order_id uuid primary key,
  traveller_id uuid not null,
  submitted_at timestamptz not null
);

create index if not exists traveller_orders_traveller on traveller_orders (traveller_id, submitted_at desc);
