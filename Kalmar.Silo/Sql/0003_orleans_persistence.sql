-- 0003: Orleans ADO.NET grain persistence (Microsoft.Orleans.Persistence.AdoNet 10.4.2, invariant "Npgsql").
--
-- Contract (from the 10.4.2 provider, Orleans.Storage.AdoNetGrainStorage):
--   required keys: WriteToStorageKey, ReadFromStorageKey, ClearStorageKey
--   optional key:  DeleteStorageKey (needed only with AdoNetGrainStorageOptions.DeleteStateOnClear = true)
--   parameters:    @GrainIdHash int, @GrainIdN0 bigint, @GrainIdN1 bigint, @GrainTypeHash int,
--                  @GrainTypeString text (the *state name*), @GrainIdExtensionString text (NULL-able),
--                  @ServiceId text, @GrainStateVersion int (NULL = no etag), @PayloadBinary bytea
--   results:       read  -> columns PayloadBinary, Version (no row = no state)
--                  write -> column NewGrainStateVersion; zero rows (or NULL) = version conflict
--                  clear/delete -> first column = new version; zero rows = version conflict
--   Orleans raises InconsistentStateException when the returned version is missing, empty or
--   equal to the etag it sent.
--
-- Improvement over upstream: the full grain identity
--   (serviceid, graintypestring, grainidn0, grainidn1, grainidextensionstring)
-- is UNIQUE (NULLS NOT DISTINCT, PostgreSQL 15+), so at most one row per grain state can exist.
-- The hashes are kept only as a lookup index; they are never trusted for identity.
--
-- First-write race: two activations of the same grain (e.g. during a membership split) both
-- write with no etag. Both run INSERT ... ON CONFLICT DO NOTHING against the unique index.
-- PostgreSQL makes the second inserter wait for the first transaction on the index entry;
--   * first commits   -> the second sees the conflict, inserts nothing, and the function
--                        returns ZERO rows -> Orleans throws InconsistentStateException for it;
--   * first rolls back -> the second inserts normally and gets version 1.
-- Hence never two rows, never a unique_violation error, and exactly one winner.
-- Later writes carry the etag and update only "WHERE version = etag", which is atomic per row.
-- Safe to run twice.

CREATE TABLE IF NOT EXISTS orleansstorage
(
    grainidhash            integer      NOT NULL,
    grainidn0              bigint       NOT NULL,
    grainidn1              bigint       NOT NULL,
    graintypehash          integer      NOT NULL,
    graintypestring        varchar(512) NOT NULL,
    grainidextensionstring varchar(512) NULL,
    serviceid              varchar(150) NOT NULL,
    payloadbinary          bytea        NULL,
    modifiedon             timestamptz  NOT NULL DEFAULT now(),
    version                integer      NOT NULL
);

CREATE UNIQUE INDEX IF NOT EXISTS ux_orleansstorage_grain
    ON orleansstorage (serviceid, graintypestring, grainidn0, grainidn1, grainidextensionstring)
    NULLS NOT DISTINCT;

CREATE INDEX IF NOT EXISTS ix_orleansstorage_hash
    ON orleansstorage (grainidhash, graintypehash);

-- WriteToStorageKey. Returns one row (newgrainstateversion) on success, zero rows on conflict.
CREATE OR REPLACE FUNCTION orleans_write_to_storage(
    p_grainidhash            integer,
    p_grainidn0              bigint,
    p_grainidn1              bigint,
    p_graintypehash          integer,
    p_graintypestring        text,
    p_grainidextensionstring text,
    p_serviceid              text,
    p_grainstateversion      integer,
    p_payloadbinary          bytea)
RETURNS TABLE (newgrainstateversion integer)
LANGUAGE plpgsql
AS $$
DECLARE
    v_version integer;
BEGIN
    IF p_grainidhash IS NULL OR p_grainidn0 IS NULL OR p_grainidn1 IS NULL
       OR p_graintypehash IS NULL OR p_graintypestring IS NULL OR p_serviceid IS NULL THEN
        RAISE EXCEPTION 'orleans_write_to_storage: grain identity must not be NULL'
            USING ERRCODE = 'null_value_not_allowed';
    END IF;

    IF p_grainstateversion IS NOT NULL THEN
        -- The state was read before: optimistic update on the etag.
        UPDATE orleansstorage AS s
        SET payloadbinary = p_payloadbinary,
            modifiedon    = now(),
            version       = s.version + 1
        WHERE s.grainidhash = p_grainidhash
          AND s.graintypehash = p_graintypehash
          AND s.serviceid = p_serviceid
          AND s.graintypestring = p_graintypestring
          AND s.grainidn0 = p_grainidn0
          AND s.grainidn1 = p_grainidn1
          AND (s.grainidextensionstring = p_grainidextensionstring
               OR (s.grainidextensionstring IS NULL AND p_grainidextensionstring IS NULL))
          AND s.version = p_grainstateversion
        RETURNING s.version INTO v_version;
    ELSE
        -- No etag: first write of this grain state. The unique index decides the race.
        INSERT INTO orleansstorage AS s
            (grainidhash, grainidn0, grainidn1, graintypehash, graintypestring,
             grainidextensionstring, serviceid, payloadbinary, modifiedon, version)
        VALUES
            (p_grainidhash, p_grainidn0, p_grainidn1, p_graintypehash, p_graintypestring,
             p_grainidextensionstring, p_serviceid, p_payloadbinary, now(), 1)
        ON CONFLICT (serviceid, graintypestring, grainidn0, grainidn1, grainidextensionstring)
            DO NOTHING
        RETURNING s.version INTO v_version;
    END IF;

    IF v_version IS NOT NULL THEN
        newgrainstateversion := v_version;
        RETURN NEXT;
    END IF;
    -- v_version IS NULL: stale etag or lost first-write race -> zero rows -> conflict.
    RETURN;
END
$$;

INSERT INTO orleansquery (querykey, querytext)
VALUES
(
    'WriteToStorageKey', $q$
    SELECT newgrainstateversion AS "NewGrainStateVersion"
    FROM orleans_write_to_storage(
        @GrainIdHash,
        @GrainIdN0,
        @GrainIdN1,
        @GrainTypeHash,
        @GrainTypeString,
        @GrainIdExtensionString,
        @ServiceId,
        @GrainStateVersion,
        @PayloadBinary);
$q$
),
(
    'ReadFromStorageKey', $q$
    SELECT
        payloadbinary AS "PayloadBinary",
        version       AS "Version"
    FROM orleansstorage
    WHERE grainidhash = @GrainIdHash AND @GrainIdHash IS NOT NULL
      AND graintypehash = @GrainTypeHash AND @GrainTypeHash IS NOT NULL
      AND serviceid = @ServiceId AND @ServiceId IS NOT NULL
      AND graintypestring = @GrainTypeString AND @GrainTypeString IS NOT NULL
      AND grainidn0 = @GrainIdN0 AND @GrainIdN0 IS NOT NULL
      AND grainidn1 = @GrainIdN1 AND @GrainIdN1 IS NOT NULL
      AND (grainidextensionstring = @GrainIdExtensionString
           OR (grainidextensionstring IS NULL AND @GrainIdExtensionString IS NULL));
$q$
),
(
    -- Keeps the row (payload NULL) and bumps the version, so the etag stays monotonic.
    'ClearStorageKey', $q$
    UPDATE orleansstorage
    SET payloadbinary = NULL,
        modifiedon    = now(),
        version       = version + 1
    WHERE grainidhash = @GrainIdHash AND @GrainIdHash IS NOT NULL
      AND graintypehash = @GrainTypeHash AND @GrainTypeHash IS NOT NULL
      AND serviceid = @ServiceId AND @ServiceId IS NOT NULL
      AND graintypestring = @GrainTypeString AND @GrainTypeString IS NOT NULL
      AND grainidn0 = @GrainIdN0 AND @GrainIdN0 IS NOT NULL
      AND grainidn1 = @GrainIdN1 AND @GrainIdN1 IS NOT NULL
      AND (grainidextensionstring = @GrainIdExtensionString
           OR (grainidextensionstring IS NULL AND @GrainIdExtensionString IS NULL))
      AND version = @GrainStateVersion AND @GrainStateVersion IS NOT NULL
    RETURNING version AS "NewGrainStateVersion";
$q$
),
(
    -- Only used with DeleteStateOnClear = true: removes the row; returns a non-NULL value that
    -- differs from the etag (Orleans then resets the etag to null).
    'DeleteStorageKey', $q$
    DELETE FROM orleansstorage
    WHERE grainidhash = @GrainIdHash AND @GrainIdHash IS NOT NULL
      AND graintypehash = @GrainTypeHash AND @GrainTypeHash IS NOT NULL
      AND serviceid = @ServiceId AND @ServiceId IS NOT NULL
      AND graintypestring = @GrainTypeString AND @GrainTypeString IS NOT NULL
      AND grainidn0 = @GrainIdN0 AND @GrainIdN0 IS NOT NULL
      AND grainidn1 = @GrainIdN1 AND @GrainIdN1 IS NOT NULL
      AND (grainidextensionstring = @GrainIdExtensionString
           OR (grainidextensionstring IS NULL AND @GrainIdExtensionString IS NULL))
      AND version = @GrainStateVersion AND @GrainStateVersion IS NOT NULL
    RETURNING version + 1 AS "NewGrainStateVersion";
$q$
)
ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
