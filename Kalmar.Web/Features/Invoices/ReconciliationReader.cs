using System.Text.Json;
using Kalmar.Contracts.Model;
using Npgsql;

namespace Kalmar.Web.Features.Invoices;

/// <summary>The latest reconciliation as the silo stored it, the same on every web node.</summary>
public sealed class ReconciliationReader(NpgsqlDataSource dataSource)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ReconciliationRun?> LatestAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            "select checked_at, accounts, mismatches::text from reconciliation_runs order by id desc limit 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new ReconciliationRun(reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt32(1),
                JsonSerializer.Deserialize<List<ReconciliationMismatch>>(reader.GetString(2), Json) ?? [])
            : null;
    }

    /// <summary>The latest run's number of mismatches; null before the first run.</summary>
    public async Task<int?> LatestMismatchCountAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select mismatch_count from reconciliation_runs order by id desc limit 1");
        return await command.ExecuteScalarAsync(cancellationToken) is int count ? count : null;
    }
}
