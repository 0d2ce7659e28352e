using Kalmar.Contracts.Model;
using Npgsql;

namespace Kalmar.Grains.Sessions;

/// <summary>
/// Sessions in <c>sessions</c>. Each statement changes only the columns it owns (last seen, the refresh hash, the
/// end), so the session grain's use and the user grain's ending of many sessions at once never overwrite each other.
/// </summary>
public sealed class SessionStore(NpgsqlDataSource dataSource)
{
    /// <summary>At most this many sessions are listed; more open ones only a script signing in in a loop would have.</summary>
    private const int MaxListed = 50;

    public async Task<StoredSession?> LoadAsync(Guid id)
    {
        await using var command = dataSource.CreateCommand(
            "select id, user_id, kind, created_at, last_seen_at, expires_at, refresh_hash, ended_at from sessions where id = $1");
        command.Parameters.AddWithValue(id);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new StoredSession(
                reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.GetFieldValue<DateTimeOffset>(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetFieldValue<DateTimeOffset>(7))
            : null;
    }

    /// <summary>Opening the same session again changes nothing.</summary>
    public async Task OpenAsync(Guid userId, SessionStart start, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        await using var command = dataSource.CreateCommand(
            """
            insert into sessions (id, user_id, kind, created_at, last_seen_at, user_agent, expires_at, refresh_hash)
            values ($1, $2, $3, $4, $4, $5, $6, $7) on conflict (id) do nothing
            """);
        command.Parameters.AddWithValue(start.Id);
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(start.Kind);
        command.Parameters.AddWithValue(now.ToUniversalTime());
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Text, (object?)start.UserAgent ?? DBNull.Value);
        command.Parameters.AddWithValue(expiresAt.ToUniversalTime());
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Text, (object?)start.RefreshTokenHash ?? DBNull.Value);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Records a use; answers whether the session is still open in the table (another grain may have ended it).</summary>
    public async Task<bool> TouchAsync(Guid id, DateTimeOffset now)
    {
        await using var command = dataSource.CreateCommand(
            "update sessions set last_seen_at = greatest(last_seen_at, $2) where id = $1 returning ended_at is null");
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(now.ToUniversalTime());
        return await command.ExecuteScalarAsync() is true;
    }

    /// <summary>Moves an open session from one refresh token to the next; false when it was ended or rotated meanwhile.</summary>
    public async Task<bool> RotateAsync(Guid id, string presentedHash, string nextHash, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        await using var command = dataSource.CreateCommand(
            """
            update sessions set refresh_hash = $3, last_seen_at = $4, expires_at = $5
            where id = $1 and refresh_hash = $2 and ended_at is null
            """);
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(presentedHash);
        command.Parameters.AddWithValue(nextHash);
        command.Parameters.AddWithValue(now.ToUniversalTime());
        command.Parameters.AddWithValue(expiresAt.ToUniversalTime());
        return await command.ExecuteNonQueryAsync() == 1;
    }

    public async Task EndAsync(Guid id, DateTimeOffset now, string reason)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection) { BatchCommands = { End([id], now, reason) } };
        await batch.ExecuteNonQueryAsync();
    }

    /// <summary>The user's sessions that are still open at <paramref name="now"/>, but <paramref name="except"/>.</summary>
    public async Task<IReadOnlyList<Guid>> OpenIdsAsync(Guid userId, DateTimeOffset now, Guid except = default)
    {
        await using var command = dataSource.CreateCommand(
            "select id from sessions where user_id = $1 and ended_at is null and expires_at > $2 and id <> $3");
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(now.ToUniversalTime());
        command.Parameters.AddWithValue(except);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    /// <summary>What the session grains let through: open, not expired, and for a portal session not idle.</summary>
    public async Task<IReadOnlyList<SessionInfo>> ListAsync(Guid userId, DateTimeOffset now)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            select id, kind, created_at, last_seen_at, user_agent from sessions
            where user_id = $1 and ended_at is null and expires_at > $2 and (kind = '{SessionKinds.App}' or last_seen_at > $3)
            order by last_seen_at desc limit {MaxListed}
            """);
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(now.ToUniversalTime());
        command.Parameters.AddWithValue((now - SessionLifetimes.PortalIdle).ToUniversalTime());
        var sessions = new List<SessionInfo>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            sessions.Add(new SessionInfo(
                reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3),
                reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return sessions;
    }

    /// <summary>Ends the open ones of <paramref name="ids"/>, for the transaction of the change that ends them.</summary>
    public static NpgsqlBatchCommand End(IReadOnlyList<Guid> ids, DateTimeOffset now, string reason) => new(
        "update sessions set ended_at = $2, ended_why = $3 where id = any($1) and ended_at is null")
    {
        Parameters = { new() { Value = ids.ToArray() }, new() { Value = now.ToUniversalTime() }, new() { Value = reason } },
    };
}
