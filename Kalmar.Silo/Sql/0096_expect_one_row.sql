-- A statement that must change exactly one row, or else undo everything sent with it: a credit commit is one batch in
-- one implicit transaction (one round trip), so a version check that finds another writer, or a recall that finds the
-- ticket recalled already, has to fail the batch from inside it. The caller tells the cases apart by the error code.
create or replace function expect_one_row(changed bigint, error_code text, message text) returns void
language plpgsql as $$
begin
  if changed <> 1 then
    raise exception using errcode = error_code, message = message;
  end if;
end
$$;
