-- Invoices: what each company is billed for a month, and the month close that fixes it.

-- The invoice lines that do not come from the credit ledger: each approved staff-offer order line (kind 'staff-offer',
-- under the order line's id, which is also its ticket's) and, later, corrections such as a recalled ticket (kind
-- 'credit', negative amounts). Written once per id, so the decision's effects may run again and add nothing. The month
-- is the decision's (Stockholm); the department's name, reference and cost centre are those of that moment.
create table if not exists invoice_ledger (
  id uuid primary key,
  company_id uuid not null,
  month text not null,
  at timestamptz not null,
  kind text not null check (kind in ('staff-offer', 'credit')),
  traveller_id uuid not null,
  traveller_name text not null,
  department_id uuid not null,
  department_name text not null,
  reference text not null,
  cost_centre text not null,
  product text not null,
  zones text[] not null,
  purpose text,
  amount_excl_vat_ore bigint not null,
  vat_ore bigint not null,
  total_ore bigint not null,
  order_id uuid
);

create index if not exists invoice_ledger_company_month on invoice_ledger (company_id, month);

-- How the company recovers the staff offer from its employees' pay: bruttolöneavdrag or nettolöneavdrag.
alter table companies add column if not exists payroll_deduction text not null default 'brutto'
  check (payroll_deduction in ('brutto', 'netto'));

-- Every invoice line as it stands now: the ledger above and the AllPay charges of credit_ledger. (A business trip's
-- department is named as it is now; the close copies it, so a closed invoice keeps the names of its day.)
create or replace view invoice_line_source as
select l.id, l.company_id, l.month, l.at, l.kind, l.traveller_id, l.traveller_name,
       coalesce(u.employee_number, '') as employee_number, l.department_id, l.department_name, l.reference, l.cost_centre,
       l.product, l.zones, l.purpose, l.amount_excl_vat_ore, l.vat_ore, l.total_ore
from invoice_ledger l
left join users u on u.id = l.traveller_id
union all
select c.id, c.company_id, c.month, c.charged_at, 'business-trip', c.traveller_id,
       coalesce(u.first_name || ' ' || u.last_name, ''), coalesce(u.employee_number, ''), c.department_id,
       coalesce(d.name, ''), coalesce(d.reference, ''), coalesce(d.cost_centre, ''),
       c.product, c.zones, c.purpose, c.amount_excl_vat_ore, c.vat_ore, c.total_ore
from credit_ledger c
left join users u on u.id = c.traveller_id
left join departments d on d.id = c.department_id;

-- The next invoice number of each year. Taken in the closing transaction by an update that holds the row until commit,
-- so concurrent closes queue for it and a rolled-back close gives its number back: no gaps, no repeats.
create table if not exists invoice_numbers (
  year int primary key,
  next int not null
);

-- A closed month: fixed once, in the transaction that freezes its lines, takes its number and enqueues its e-mail.
create table if not exists invoices (
  id uuid primary key,
  company_id uuid not null references companies (id),
  month text not null,
  year int not null,
  sequence int not null,
  number text not null unique,
  ocr text not null unique,
  issued_at timestamptz not null,
  issue_date date not null,
  due_date date not null,
  subtotal_ore bigint not null,
  vat_ore bigint not null,
  total_ore bigint not null,
  status text not null default 'closed',
  unique (company_id, month),
  unique (year, sequence)
);

-- The lines of closed invoices, copied from invoice_line_source. A line is on one invoice at most (its id is the key).
create table if not exists invoice_lines (
  invoice_id uuid not null references invoices (id) deferrable initially deferred,
  id uuid primary key,
  company_id uuid not null,
  month text not null,
  at timestamptz not null,
  kind text not null,
  traveller_id uuid not null,
  traveller_name text not null,
  employee_number text not null,
  department_id uuid not null,
  department_name text not null,
  reference text not null,
  cost_centre text not null,
  product text not null,
  zones text[] not null,
  purpose text,
  amount_excl_vat_ore bigint not null,
  vat_ore bigint not null,
  total_ore bigint not null
);

create index if not exists invoice_lines_invoice on invoice_lines (invoice_id, reference, at);

-- A closed invoice never changes: the database refuses it.
create or replace function invoices_are_final() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only: a closed invoice never changes', tg_table_name;
end $$;

drop trigger if exists invoices_final on invoices;
create trigger invoices_final before update or delete or truncate on invoices
  for each statement execute function invoices_are_final();

drop trigger if exists invoice_lines_final on invoice_lines;
create trigger invoice_lines_final before update or delete or truncate on invoice_lines
  for each statement execute function invoices_are_final();
