using System.Reflection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Kalmar.Silo.Extensions;

/// <summary>
/// Applies the embedded <c>Sql/NNNN_name.sql</c> scripts that the database has not yet seen, in
/// name order, each in its own transaction, and records them in <c>schema_migrations</c>. An
/// advisory lock makes silos that start together take turns, so each script runs exactly once.
/// </summary>
public sealed partial class DatabaseMigrator(NpgsqlDataSource dataSource, ILogger<DatabaseMigrator> logger)
{
    private const string ResourcePrefix = "Kalmar.Sql.";
    private const long AdvisoryLockKey = 0x4B414C4D4152; // "KALMAR"

    public static IReadOnlyList<string> Scripts { get; } = typeof(DatabaseMigrator).Assembly
        .GetManifestResourceNames()
        .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
        .Select(name => name[ResourcePrefix.Length..])
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>Applies what is pending and returns the names of the scripts it applied.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, "select pg_advisory_lock($1)", cancellationToken, AdvisoryLockKey);
        try
        {
            await ExecuteAsync(connection,
                "create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())",
                cancellationToken);
            var applied = await AppliedAsync(connection, cancellationToken);
            var pending = Scripts.Where(script => !applied.Contains(script)).ToArray();
            foreach (var script in pending)
            {
                await ApplyAsync(connection, script, cancellationToken);
                LogApplied(script);
            }

            return pending;
        }
        finally
        {
            await ExecuteAsync(connection, "select pg_advisory_unlock($1)", CancellationToken.None, AdvisoryLockKey);
        }
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, string script, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, ReadScript(script), cancellationToken);
        await ExecuteAsync(connection, "insert into schema_migrations (name) values ($1)", cancellationToken, script);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<HashSet<string>> AppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select name from schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string ReadScript(string script)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourcePrefix + script)
            ?? throw new InvalidOperationException($"Missing embedded migration {script}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied database migration {Script}")]
    private partial void LogApplied(string script);
}
