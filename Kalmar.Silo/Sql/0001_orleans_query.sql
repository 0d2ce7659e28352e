-- 0001: Orleans ADO.NET query catalogue (PostgreSQL 15, ADO.NET invariant "Npgsql").
--
-- Every Orleans ADO.NET provider (clustering, persistence, reminders) starts by running
--   SELECT QueryKey, QueryText FROM OrleansQuery
-- and then executes the stored QueryText with named parameters (@Name). The later
-- migrations fill this table; a missing required key stops the silo at start-up.
--
-- Identifiers are unquoted and therefore folded to lower case (orleansquery.querykey ...),
-- which is what the provider's unquoted SELECT above resolves to.
-- Safe to run twice.

CREATE TABLE IF NOT EXISTS orleansquery
(
    querykey  varchar(64)   NOT NULL,
    querytext varchar(8000) NOT NULL,

    CONSTRAINT pk_orleansquery PRIMARY KEY (querykey)
);
