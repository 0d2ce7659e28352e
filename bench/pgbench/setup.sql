-- The single credit account that pgbench's conditional UPDATE works on; its limit is never reached.
create table account (id int primary key, used bigint not null, lim bigint not null);
insert into account values (1, 0, 9000000000000000000);
