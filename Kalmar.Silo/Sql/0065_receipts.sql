-- A traveller's own purchases by month (Mina köp, Kvitton): both ledgers are otherwise indexed by company only.
create index if not exists credit_ledger_traveller_month on credit_ledger (traveller_id, month);
create index if not exists invoice_ledger_traveller_month on invoice_ledger (traveller_id, month);
