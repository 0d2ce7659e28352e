-- Reconciliation: credit account = credit ledger = invoice, to the öre. Each run is one row, its mismatches with it, so
-- every web node shows the same latest run and /health/ready reads it without running the check itself.
create table if not exists reconciliation_runs (
  id bigint generated always as identity primary key, -- the latest run is the highest id: runs take turns in one grain
  checked_at timestamptz not null,
  accounts int not null,
  mismatch_count int not null,
  mismatches jsonb not null
);
