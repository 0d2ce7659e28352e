using System.Diagnostics;
using System.Runtime.CompilerServices;
using Npgsql;

namespace Kalmar.Tests.Fixtures;

/// <summary>
/// Waits for what a test expects to land in a table, instead of guessing how long that takes: a test-only trigger
/// NOTIFYs every committed insert or update of the table, and <c>UntilAsync</c> looks again at each one. The trigger
/// stays in the test's throwaway database, where it only costs a notification nobody may be listening to.
/// </summary>
public sealed class TableChanges : IAsyncDisposable
{
    private const string Notify =
        """
        create or replace function kalmar_tests_notify() returns trigger language plpgsql as
        $$ begin perform pg_notify('kalmar_tests_' || tg_table_name, ''); return null; end $$
        """;

    private readonly NpgsqlConnection _listener;

    private TableChanges(NpgsqlConnection listener) => _listener = listener;

    /// <summary>Listens to <paramref name="table"/> of <paramref name="connectionString"/>'s database.</summary>
    public static async Task<TableChanges> ListenAsync(string connectionString, string table)
    {
        var listener = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await listener.OpenAsync();
        await using var command = listener.CreateBatch();
        command.BatchCommands.Add(new(Notify));
        command.BatchCommands.Add(new(
            $"create or replace trigger kalmar_tests_notify after insert or update on {table} for each statement execute function kalmar_tests_notify()"));
        command.BatchCommands.Add(new($"listen kalmar_tests_{table}"));
        await command.ExecuteNonQueryAsync();
        return new TableChanges(listener);
    }

    /// <summary>
    /// Looks with <paramref name="probe"/> now and after every change of the table until it finds something, or fails
    /// after <see cref="Waits.Patience"/> saying that <paramref name="expected"/> did not come.
    /// </summary>
    public async Task<T> UntilAsync<T>(Func<Task<T?>> probe, string expected)
        where T : class
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            // Listening began before the first look, so a change between a look and the wait is not missed.
            if (await probe() is { } found)
            {
                return found;
            }

            var left = Waits.Patience - waited.Elapsed;
            if (left <= TimeSpan.Zero || !await _listener.WaitAsync(left))
            {
                throw Waits.TimedOut(expected);
            }
        }
    }

    /// <summary>As the other <c>UntilAsync</c>, for a probe that finds a value.</summary>
    public async Task<T> UntilAsync<T>(Func<Task<T?>> probe, string expected)
        where T : struct =>
        (await UntilAsync(async () => await probe() is { } found ? new StrongBox<T>(found) : null, expected)).Value;

    public ValueTask DisposeAsync() => _listener.DisposeAsync();
}
