-- A recalled ticket is credited once, keyed by the ticket: either back to the traveller's credit account (a negative
-- 'refund' row in credit_ledger, in the month of the purchase, which is still the current one) or as a 'credit' line
-- in invoice_ledger in the month of the recall, so a closed invoice is never touched.

alter table credit_ledger add column if not exists kind text not null default 'charge';

do $$
begin
  if not exists (select 1 from pg_constraint where conname = 'credit_ledger_kind_known') then
    alter table credit_ledger add constraint credit_ledger_kind_known check (kind in ('charge', 'refund'));
  end if;
end $$;

-- The order in which an account wrote its rows: the used amount a month ended with is the one its last row recorded
-- (with refunds, used no longer only grows, so the largest recorded is not the last). Existing rows are numbered in the
-- order they are stored, which is the order they were written: the ledger is append-only.
alter table credit_ledger add column if not exists seq bigint generated always as identity;

-- The idempotency key is the app's, and only charges are looked up by it; a refund is keyed by its ticket instead, so no
-- key an app sends can stand in the way of a refund.
create unique index if not exists credit_ledger_charge_key on credit_ledger (traveller_id, idempotency_key) where kind = 'charge';
alter table credit_ledger drop constraint if exists credit_ledger_traveller_id_idempotency_key_key;
create unique index if not exists credit_ledger_refund_ticket on credit_ledger (ticket_id) where kind = 'refund';
create index if not exists credit_ledger_ticket on credit_ledger (ticket_id); -- a recall finds the charge of its ticket

alter table invoice_ledger add column if not exists ticket_id uuid;
create unique index if not exists invoice_ledger_credit_ticket on invoice_ledger (ticket_id) where kind = 'credit';

-- As in 0060, except that a refund from the credit ledger is a credit line on the invoice.
create or replace view invoice_line_source as
select l.id, l.company_id, l.month, l.at, l.kind, l.traveller_id, l.traveller_name,
       coalesce(u.employee_number, '') as employee_number, l.department_id, l.department_name, l.reference, l.cost_centre,
       l.product, l.zones, l.purpose, l.amount_excl_vat_ore, l.vat_ore, l.total_ore
from invoice_ledger l
left join users u on u.id = l.traveller_id
union all
select c.id, c.company_id, c.month, c.charged_at, case when c.kind = 'refund' then 'credit' else 'business-trip' end, c.traveller_id,
       coalesce(u.first_name || ' ' || u.last_name, ''), coalesce(u.employee_number, ''), c.department_id,
       coalesce(d.name, ''), coalesce(d.reference, ''), coalesce(d.cost_centre, ''),
       c.product, c.zones, c.purpose, c.amount_excl_vat_ore, c.vat_ore, c.total_ore
from credit_ledger c
left join users u on u.id = c.traveller_id
left join departments d on d.id = c.department_id;
