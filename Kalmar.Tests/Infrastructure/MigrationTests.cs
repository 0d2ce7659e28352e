using Kalmar.Silo.Extensions;
using Kalmar.Tests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Kalmar.Tests.Infrastructure;

public sealed class MigrationTests
{
    [Fact]
    public async Task FreshDatabaseGetsEverySchemaScriptOnce()
    {
        await using var dataSource = NpgsqlDataSource.Create(await (await PostgresServer.Shared).CreateDatabaseAsync());
        var migrator = new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance);

        var first = await migrator.MigrateAsync();
        var second = await migrator.MigrateAsync();

        Assert.Equal(DatabaseMigrator.Scripts, first);
        Assert.Empty(second);
        Assert.Equal(DatabaseMigrator.Scripts.Count, await CountAsync(dataSource, "select count(*) from schema_migrations"));
    }

    [Fact]
    public async Task SchemaHoldsEveryQueryTheOrleansProvidersRead()
    {
        await using var dataSource = NpgsqlDataSource.Create(await (await PostgresServer.Shared).CreateDatabaseAsync());
        await new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();

        string[] required =
        [
            "InsertMembershipVersionKey", "InsertMembershipKey", "UpdateMembershipKey", "UpdateIAmAlivetimeKey",
            "MembershipReadRowKey", "MembershipReadAllKey", "DeleteMembershipTableEntriesKey", "GatewaysQueryKey",
            "CleanupDefunctSiloEntriesKey", "WriteToStorageKey", "ReadFromStorageKey", "ClearStorageKey",
            "UpsertReminderRowKey", "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
            "DeleteReminderRowKey", "DeleteReminderRowsKey",
        ];
        foreach (var key in required)
        {
            Assert.Equal(1, await CountAsync(dataSource, $"select count(*) from orleansquery where querykey = '{key}'"));
        }
    }

    [Fact]
    public async Task ConcurrentSilosStartingTogetherApplyEachScriptOnce()
    {
        await using var dataSource = NpgsqlDataSource.Create(await (await PostgresServer.Shared).CreateDatabaseAsync());
        var runs = Enumerable.Range(0, 4)
            .Select(_ => new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync())
            .ToArray();

        var applied = await Task.WhenAll(runs);

        Assert.Equal(DatabaseMigrator.Scripts, applied.SelectMany(scripts => scripts).Order(StringComparer.Ordinal));
        Assert.Equal(DatabaseMigrator.Scripts.Count, await CountAsync(dataSource, "select count(*) from schema_migrations"));
    }

    private static async Task<long> CountAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
