-- 0002: Orleans ADO.NET clustering (Microsoft.Orleans.Clustering.AdoNet 10.4.2, invariant "Npgsql").
-- Used by silos (membership) and by clients (gateway list).
--
-- Contract (from the 10.4.2 provider, Orleans.Clustering.AdoNet.Storage.DbStoredQueries):
--   required keys: GatewaysQueryKey, MembershipReadRowKey, MembershipReadAllKey,
--     InsertMembershipVersionKey, UpdateIAmAlivetimeKey (sic), InsertMembershipKey,
--     UpdateMembershipKey, DeleteMembershipTableEntriesKey, CleanupDefunctSiloEntriesKey
--   optional key:  CleanupDefunctSiloEntryKey (when present the provider prunes one Dead row
--     at a time, only if the row still holds the values it read).
--   The 10.4.2 provider binds no MetadataJson parameter, so no query references one.
--
-- Time columns are timestamptz: the provider passes DateTime values of Kind=Utc with
-- DbType.DateTime, which Npgsql 10 sends as timestamptz (Kind=Unspecified would be rejected
-- by Npgsql itself), and reads them back with GetDateTime + SpecifyKind(Utc). No value is
-- ever converted through the session TimeZone.
--
-- Concurrency: every membership change must bump the per-deployment version row exactly
-- when the caller's version (etag) is still current. The functions below first lock that
-- row with "version = expected" (FOR UPDATE re-checks the predicate after waiting on a
-- concurrent writer), then change the member row, and bump the version only when the member
-- row really changed. No ASSERT / exception trapping (ASSERT can be switched off by
-- plpgsql.check_asserts).
-- Safe to run twice.

CREATE TABLE IF NOT EXISTS orleansmembershipversiontable
(
    deploymentid varchar(150) NOT NULL,
    timestamp    timestamptz  NOT NULL DEFAULT now(),
    version      integer      NOT NULL DEFAULT 0,

    CONSTRAINT pk_orleansmembershipversiontable PRIMARY KEY (deploymentid)
);

CREATE TABLE IF NOT EXISTS orleansmembershiptable
(
    deploymentid varchar(150)  NOT NULL,
    address      varchar(45)   NOT NULL,
    port         integer       NOT NULL,
    generation   integer       NOT NULL,
    siloname     varchar(150)  NOT NULL,
    hostname     varchar(150)  NOT NULL,
    status       integer       NOT NULL,
    proxyport    integer       NULL,
    suspecttimes varchar(8000) NULL,
    starttime    timestamptz   NOT NULL,
    iamalivetime timestamptz   NOT NULL,

    CONSTRAINT pk_orleansmembershiptable PRIMARY KEY (deploymentid, address, port, generation),
    CONSTRAINT fk_orleansmembershiptable_version FOREIGN KEY (deploymentid)
        REFERENCES orleansmembershipversiontable (deploymentid)
);

-- InsertMembershipKey: returns 1 when the row was inserted and the table version bumped,
-- 0 when the etag was stale or the silo row already exists (nothing changed then).
CREATE OR REPLACE FUNCTION orleans_insert_membership(
    p_deploymentid text,
    p_address      text,
    p_port         integer,
    p_generation   integer,
    p_siloname     text,
    p_hostname     text,
    p_status       integer,
    p_proxyport    integer,
    p_starttime    timestamptz,
    p_iamalivetime timestamptz,
    p_version      integer)
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
    v_rows integer;
BEGIN
    IF p_deploymentid IS NULL OR p_address IS NULL OR p_port IS NULL
       OR p_generation IS NULL OR p_version IS NULL THEN
        RETURN 0;
    END IF;

    PERFORM 1
    FROM orleansmembershipversiontable
    WHERE deploymentid = p_deploymentid
      AND version = p_version
      AND version < 2147483647
    FOR UPDATE;

    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    INSERT INTO orleansmembershiptable
        (deploymentid, address, port, generation, siloname, hostname,
         status, proxyport, suspecttimes, starttime, iamalivetime)
    VALUES
        (p_deploymentid, p_address, p_port, p_generation, p_siloname, p_hostname,
         p_status, p_proxyport, NULL, p_starttime, p_iamalivetime)
    ON CONFLICT (deploymentid, address, port, generation) DO NOTHING;

    GET DIAGNOSTICS v_rows = ROW_COUNT;
    IF v_rows = 0 THEN
        RETURN 0;
    END IF;

    UPDATE orleansmembershipversiontable
    SET version = version + 1,
        timestamp = now()
    WHERE deploymentid = p_deploymentid;

    RETURN 1;
END
$$;

-- UpdateMembershipKey: same optimistic scheme as above. IAmAliveTime never moves backwards
-- (a heartbeat may have been written after the caller read the row).
CREATE OR REPLACE FUNCTION orleans_update_membership(
    p_deploymentid text,
    p_address      text,
    p_port         integer,
    p_generation   integer,
    p_status       integer,
    p_suspecttimes text,
    p_iamalivetime timestamptz,
    p_version      integer)
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
    v_rows integer;
BEGIN
    IF p_deploymentid IS NULL OR p_address IS NULL OR p_port IS NULL
       OR p_generation IS NULL OR p_version IS NULL THEN
        RETURN 0;
    END IF;

    PERFORM 1
    FROM orleansmembershipversiontable
    WHERE deploymentid = p_deploymentid
      AND version = p_version
      AND version < 2147483647
    FOR UPDATE;

    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    UPDATE orleansmembershiptable
    SET status       = p_status,
        suspecttimes = p_suspecttimes,
        iamalivetime = GREATEST(iamalivetime, p_iamalivetime)
    WHERE deploymentid = p_deploymentid
      AND address = p_address
      AND port = p_port
      AND generation = p_generation;

    GET DIAGNOSTICS v_rows = ROW_COUNT;
    IF v_rows = 0 THEN
        RETURN 0;
    END IF;

    UPDATE orleansmembershipversiontable
    SET version = version + 1,
        timestamp = now()
    WHERE deploymentid = p_deploymentid;

    RETURN 1;
END
$$;

INSERT INTO orleansquery (querykey, querytext)
VALUES
(
    'InsertMembershipVersionKey', $q$
    WITH inserted AS (
        INSERT INTO orleansmembershipversiontable (deploymentid)
        SELECT @DeploymentId
        WHERE @DeploymentId IS NOT NULL
        ON CONFLICT (deploymentid) DO NOTHING
        RETURNING 1
    )
    SELECT count(*)::integer AS row_count FROM inserted;
$q$
),
(
    'InsertMembershipKey', $q$
    SELECT orleans_insert_membership(
        @DeploymentId,
        @Address,
        @Port,
        @Generation,
        @SiloName,
        @HostName,
        @Status,
        @ProxyPort,
        @StartTime,
        @IAmAliveTime,
        @Version) AS row_count;
$q$
),
(
    'UpdateMembershipKey', $q$
    SELECT orleans_update_membership(
        @DeploymentId,
        @Address,
        @Port,
        @Generation,
        @Status,
        @SuspectTimes,
        @IAmAliveTime,
        @Version) AS row_count;
$q$
),
(
    'UpdateIAmAlivetimeKey', $q$
    UPDATE orleansmembershiptable
    SET iamalivetime = GREATEST(iamalivetime, @IAmAliveTime)
    WHERE deploymentid = @DeploymentId AND @DeploymentId IS NOT NULL
      AND address = @Address AND @Address IS NOT NULL
      AND port = @Port AND @Port IS NOT NULL
      AND generation = @Generation AND @Generation IS NOT NULL;
$q$
),
(
    'MembershipReadRowKey', $q$
    SELECT
        v.deploymentid,
        m.address,
        m.port,
        m.generation,
        m.siloname,
        m.hostname,
        m.status,
        m.proxyport,
        m.suspecttimes,
        m.starttime,
        m.iamalivetime,
        v.version
    FROM orleansmembershipversiontable v
    LEFT OUTER JOIN orleansmembershiptable m
        ON m.deploymentid = v.deploymentid
       AND m.address = @Address AND @Address IS NOT NULL
       AND m.port = @Port AND @Port IS NOT NULL
       AND m.generation = @Generation AND @Generation IS NOT NULL
    WHERE v.deploymentid = @DeploymentId AND @DeploymentId IS NOT NULL;
$q$
),
(
    'MembershipReadAllKey', $q$
    SELECT
        v.deploymentid,
        m.address,
        m.port,
        m.generation,
        m.siloname,
        m.hostname,
        m.status,
        m.proxyport,
        m.suspecttimes,
        m.starttime,
        m.iamalivetime,
        v.version
    FROM orleansmembershipversiontable v
    LEFT OUTER JOIN orleansmembershiptable m
        ON m.deploymentid = v.deploymentid
    WHERE v.deploymentid = @DeploymentId AND @DeploymentId IS NOT NULL;
$q$
),
(
    'DeleteMembershipTableEntriesKey', $q$
    DELETE FROM orleansmembershiptable
    WHERE deploymentid = @DeploymentId AND @DeploymentId IS NOT NULL;
    DELETE FROM orleansmembershipversiontable
    WHERE deploymentid = @DeploymentId AND @DeploymentId IS NOT NULL;
$q$
),
(
    -- Gateways for clients: Active (3) silos with a gateway port.
    'GatewaysQueryKey', $q$
    SELECT
        address,
        proxyport,
        generation
    FROM orleansmembershiptable
    WHERE deploymentid = @DeploymentId AND @DeploymentId IS NOT NULL
      AND status = @Status AND @Status IS NOT NULL
      AND proxyport > 0;
$q$
),
(
    -- Fallback bulk cleanup (used only if CleanupDefunctSiloEntryKey were absent):
    -- Dead (6) rows, not heard from and not suspected since the cut-off.
    'CleanupDefunctSiloEntriesKey', $q$
    DELETE FROM orleansmembershiptable
    WHERE deploymentid = @DeploymentId AND @DeploymentId IS NOT NULL
      AND iamalivetime < @IAmAliveTime
      AND starttime < @IAmAliveTime
      AND COALESCE(suspecttimes, '') = ''
      AND status = 6;
$q$
),
(
    -- Per-row cleanup: delete a Dead (6) row only if it still holds the captured values.
    -- Does not bump the table version (as upstream).
    'CleanupDefunctSiloEntryKey', $q$
    DELETE FROM orleansmembershiptable
    WHERE deploymentid = @DeploymentId AND @DeploymentId IS NOT NULL
      AND address = @Address
      AND port = @Port
      AND generation = @Generation
      AND status = 6
      AND starttime = @StartTime
      AND iamalivetime = @IAmAliveTime
      AND COALESCE(suspecttimes, '') = COALESCE(@SuspectTimes, '');
$q$
)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
