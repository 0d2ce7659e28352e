using Npgsql;

namespace Kalmar.Tests.Fixtures;

/// <summary>
/// A trigger that makes PostgreSQL refuse every insert, or every update, of one row of a table (the row whose
/// <c>column</c> holds the id), as a lost connection would; disposing it lets the row be written again.
/// </summary>
public sealed class RowRefusal(NpgsqlDataSource dataSource, string table, string trigger) : IAsyncDisposable
{
    /// <summary>The database's error, which the refused write's exception carries.</summary>
    public const string Message = "the table refuses this row (test)";

    public static Task<RowRefusal> OfInsertsAsync(KalmarCluster cluster, string table, string column, Guid id) =>
        CreateAsync(cluster, table, "insert", $"new.{column}", id);

    public static Task<RowRefusal> OfUpdatesAsync(KalmarCluster cluster, string table, string column, Guid id) =>
        CreateAsync(cluster, table, "update", $"old.{column}", id);

    public async ValueTask DisposeAsync()
    {
        await using (var command = dataSource.CreateCommand($"drop trigger {trigger} on {table}; drop function {trigger}();"))
        {
            await command.ExecuteNonQueryAsync();
        }

        await dataSource.DisposeAsync();
    }

    private static async Task<RowRefusal> CreateAsync(KalmarCluster cluster, string table, string operation, string rowColumn, Guid id)
    {
        var dataSource = NpgsqlDataSource.Create(cluster.ConnectionString);
        var trigger = $"refuse_{table}_{id:N}";
        await using var command = dataSource.CreateCommand(
            $"""
            create function {trigger}() returns trigger language plpgsql as $$ begin raise exception '{Message}'; end $$;
            create trigger {trigger} before {operation} on {table} for each row when ({rowColumn} = '{id}') execute function {trigger}();
            """);
        await command.ExecuteNonQueryAsync();
        return new RowRefusal(dataSource, table, trigger);
    }
}
