-- 0004: Orleans ADO.NET reminders (Microsoft.Orleans.Reminders.AdoNet 10.4.2, invariant "Npgsql").
--
-- Contract (from the 10.4.2 provider, Orleans.Reminders.AdoNet.Storage.DbStoredQueries):
--   required keys: ReadReminderRowsKey, ReadRangeRows1Key, ReadRangeRows2Key, ReadReminderRowKey,
--                  UpsertReminderRowKey, DeleteReminderRowKey, DeleteReminderRowsKey
--   parameters:    @ServiceId text, @GrainId text (GrainId.ToString(), "type/key"),
--                  @ReminderName text, @StartTime timestamptz (DateTime Kind=Utc),
--                  @Period int or bigint (milliseconds), @GrainHash int (uniform hash as signed int),
--                  @BeginHash / @EndHash int (signed), @Version int
--   results:       rows of GrainId, ReminderName, StartTime, Period, Version;
--                  upsert -> one row with Version; delete one -> one row with one boolean column.
--
-- Hash ranges: the provider stores the uint ring hash as a signed int and picks
--   ReadRangeRows1Key when (int)begin < (int)end  -> begin < hash <= end (non-wrapping)
--   ReadRangeRows2Key otherwise                   -> hash > begin OR hash <= end (wrapping,
--                                                    and begin = end means the whole ring)
-- so the comparisons below are plain signed integer comparisons.
-- (The 10.0.0 cron/priority columns belong to the separate AdvancedReminders package and are
-- not bound by Microsoft.Orleans.Reminders.AdoNet 10.4.2.)
-- Safe to run twice.

CREATE TABLE IF NOT EXISTS orleansreminderstable
(
    serviceid    varchar(150) NOT NULL,
    grainid      varchar(512) NOT NULL,
    remindername varchar(150) NOT NULL,
    starttime    timestamptz  NOT NULL,
    period       bigint       NOT NULL,
    grainhash    integer      NOT NULL,
    version      integer      NOT NULL,

    CONSTRAINT pk_orleansreminderstable PRIMARY KEY (serviceid, grainid, remindername)
);

CREATE INDEX IF NOT EXISTS ix_orleansreminderstable_grainhash
    ON orleansreminderstable (serviceid, grainhash);

INSERT INTO orleansquery (querykey, querytext)
VALUES
(
    'UpsertReminderRowKey', $q$
    INSERT INTO orleansreminderstable AS r
        (serviceid, grainid, remindername, starttime, period, grainhash, version)
    VALUES
        (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
    ON CONFLICT (serviceid, grainid, remindername) DO UPDATE
    SET starttime = EXCLUDED.starttime,
        period    = EXCLUDED.period,
        grainhash = EXCLUDED.grainhash,
        version   = r.version + 1
    RETURNING r.version AS "Version";
$q$
),
(
    'ReadReminderRowsKey', $q$
    SELECT grainid, remindername, starttime, period, version
    FROM orleansreminderstable
    WHERE serviceid = @ServiceId AND @ServiceId IS NOT NULL
      AND grainid = @GrainId AND @GrainId IS NOT NULL;
$q$
),
(
    'ReadReminderRowKey', $q$
    SELECT grainid, remindername, starttime, period, version
    FROM orleansreminderstable
    WHERE serviceid = @ServiceId AND @ServiceId IS NOT NULL
      AND grainid = @GrainId AND @GrainId IS NOT NULL
      AND remindername = @ReminderName AND @ReminderName IS NOT NULL;
$q$
),
(
    'ReadRangeRows1Key', $q$
    SELECT grainid, remindername, starttime, period, version
    FROM orleansreminderstable
    WHERE serviceid = @ServiceId AND @ServiceId IS NOT NULL
      AND grainhash > @BeginHash AND @BeginHash IS NOT NULL
      AND grainhash <= @EndHash AND @EndHash IS NOT NULL;
$q$
),
(
    'ReadRangeRows2Key', $q$
    SELECT grainid, remindername, starttime, period, version
    FROM orleansreminderstable
    WHERE serviceid = @ServiceId AND @ServiceId IS NOT NULL
      AND ((grainhash > @BeginHash AND @BeginHash IS NOT NULL)
           OR (grainhash <= @EndHash AND @EndHash IS NOT NULL));
$q$
),
(
    'DeleteReminderRowKey', $q$
    WITH deleted AS (
        DELETE FROM orleansreminderstable
        WHERE serviceid = @ServiceId AND @ServiceId IS NOT NULL
          AND grainid = @GrainId AND @GrainId IS NOT NULL
          AND remindername = @ReminderName AND @ReminderName IS NOT NULL
          AND version = @Version AND @Version IS NOT NULL
        RETURNING 1
    )
    SELECT count(*) > 0 AS deleted FROM deleted;
$q$
),
(
    'DeleteReminderRowsKey', $q$
    DELETE FROM orleansreminderstable
    WHERE serviceid = @ServiceId AND @ServiceId IS NOT NULL;
$q$
)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
