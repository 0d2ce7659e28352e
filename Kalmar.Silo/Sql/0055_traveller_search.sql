-- The admin's traveller search matches a fragment anywhere in the name (either order), e-mail or employee number:
-- one lower-cased text per user, indexed by trigrams, so "lindstr" or "OB-025" is an index scan, not a table scan.
create extension if not exists pg_trgm;

alter table users add column if not exists search_text text generated always as (
  lower(first_name || ' ' || last_name || ' ' || last_name || ' ' || first_name || ' ' || email || ' ' || coalesce(employee_number, ''))
) stored;

create index if not exists users_search_text on users using gin (search_text gin_trgm_ops);
