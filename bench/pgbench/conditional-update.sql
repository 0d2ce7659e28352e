\set x random(1, 100)
update account set used = used + :x where id = 1 and used + :x <= lim;
