-- Companies, departments and users in tables of their own. Each row is its grain's stored state and, at the same
-- time, the read model that lists and searches it: one write makes both durable. A version column is each row's
-- optimistic concurrency check (a stale activation's write matches no row and changes nothing).
-- (Users and companies stored before this migration lived in Orleans' grain storage; nothing outside
-- Development had any, and the demo data loads again into these tables.)

create table if not exists companies (
  id uuid primary key,
  name text not null,
  org_number text,
  invoice_email text not null default '',
  invoice_street text not null default '',
  invoice_postal_code text not null default '',
  invoice_city text not null default '',
  staff_offer_available boolean not null,
  max_monthly_limit_ore bigint not null,
  created_at timestamptz not null,
  version bigint not null
);

create unique index if not exists companies_org_number on companies (org_number);

create table if not exists departments (
  id uuid primary key,
  company_id uuid not null references companies (id),
  name text not null,
  reference text not null,
  cost_centre text not null default ''
);

-- A department's name, reference and cost centre are each unique within its company, whatever their case.
create unique index if not exists departments_name on departments (company_id, lower(name));
create unique index if not exists departments_reference on departments (company_id, lower(reference));
create unique index if not exists departments_cost_centre on departments (company_id, lower(cost_centre)) where cost_centre <> '';

create table if not exists users (
  id uuid primary key,
  company_id uuid,                       -- null for Kalmar länstrafik's operators, who belong to no customer
  department_id uuid,
  first_name text not null,
  last_name text not null,
  email text not null,                   -- lower case; unique across the whole system
  mobile text,
  phone text,
  personnummer text,
  employee_number text,
  roles text[] not null,
  admin_of uuid[] not null default '{}', -- the departments a department admin administers
  notify_email boolean not null,
  notify_sms boolean not null,
  active boolean not null,
  password_hash text,
  security_stamp text not null,
  failed_sign_ins int not null default 0,
  locked_until timestamptz,
  terms_version text,
  terms_accepted_at timestamptz,
  reset_id uuid,
  reset_hash text,
  reset_expires_at timestamptz,
  invitation_id uuid,
  invitation_hash text,
  invitation_expires_at timestamptz,
  created_at timestamptz not null,
  version bigint not null
);

create unique index if not exists users_email on users (email);
create index if not exists users_company_name on users (company_id, last_name, first_name);
create index if not exists users_department on users (department_id);

-- Sign-in by e-mail now reads users.email; the old address table has no other reader.
drop table if exists user_email;

-- Every administrative change: who, when, what, before and after. Written in the same transaction as the change;
-- append-only: the product has no statement that changes or deletes an entry, and the database refuses one.
create table if not exists audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null,
  company_id uuid,
  actor_id uuid,
  actor_name text not null,
  action text not null,
  target_id uuid,
  target_name text not null,
  before jsonb,
  after jsonb,
  event_id uuid unique                   -- set when a retried step may write the same entry again
);

create index if not exists audit_log_company on audit_log (company_id, id desc);
create index if not exists audit_log_target on audit_log (target_id, id desc);

create or replace function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end $$;

drop trigger if exists audit_log_append_only on audit_log;
create trigger audit_log_append_only before update or delete or truncate on audit_log
  for each statement execute function audit_log_is_append_only();
