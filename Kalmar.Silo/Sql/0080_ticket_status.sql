-- A ticket can be blocked (spärrad) or recalled (återkallad) after it was issued; the row keeps who did it, when
-- and why, next to the ticket itself, so the traveller's lists and ticket inspection read one row.
alter table tickets
  add column if not exists status text not null default 'active',
  add column if not exists status_reason text,
  add column if not exists status_changed_at timestamptz,
  add column if not exists status_changed_by uuid;

do $$
begin
  if not exists (select 1 from pg_constraint where conname = 'tickets_status_known') then
    alter table tickets add constraint tickets_status_known check (status in ('active', 'blocked', 'recalled'));
  end if;
end $$;
