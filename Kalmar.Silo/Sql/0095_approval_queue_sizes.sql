-- How many orders each company's approval queue holds and since when the oldest waits: what the operations metrics
-- read with one cheap query instead of waking every queue grain. The queue writes its row after each change of its
-- state and when it activates, so a row left stale by a crash in between is put right at the queue's next activation.
create table if not exists approval_queue_sizes (
  company_id uuid primary key,
  pending int not null,
  oldest_submitted_at timestamptz
);
