-- A company's pending orders, one row each, instead of a list in the queue grain's state that every change rewrote
-- whole (a company with 300 orders waiting wrote some 100 KB per approval). The order is kept as the Orleans
-- serializer writes it, for the queue's list; company and time are columns, for the list's order and the metrics,
-- which read their counts here (the table approval_queue_sizes that the queue kept for them goes).
create table if not exists approval_queue (
  order_id uuid primary key,
  company_id uuid not null,
  submitted_at timestamptz not null,
  order_view bytea not null
);

create index if not exists approval_queue_company on approval_queue (company_id, submitted_at, order_id);
create index if not exists approval_queue_submitted on approval_queue (submitted_at);

drop table if exists approval_queue_sizes;
