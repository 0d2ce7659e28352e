-- Every AllPay deduction, for invoices and reports. The id is the charge id the credit account
-- grain chose, so writing a row again (after a crash or retry) adds nothing.
create table if not exists credit_ledger (
  id uuid primary key,
  traveller_id uuid not null,
  company_id uuid not null,
  department_id uuid not null,
  month text not null,
  charged_at timestamptz not null,
  product text not null,
  zones text[] not null,
  purpose text not null,
  amount_excl_vat_ore bigint not null,
  vat_ore bigint not null,
  total_ore bigint not null,
  idempotency_key text not null,
  unique (traveller_id, idempotency_key)
);

create index if not exists credit_ledger_company_month on credit_ledger (company_id, month);
