using Npgsql;

namespace Kalmar.Bench.Baseline;

/// <summary>
/// A purchase is one transaction: claim the idempotency key, deduct with a conditional UPDATE (the row lock keeps
/// the limit), write the ledger row and the answer, commit. A retry of a key waits on the first attempt's row and
/// then reads the answer it got, so a key charges once.
/// </summary>
public sealed class Purchases(NpgsqlDataSource dataSource)
{
    private const string ClaimKey = "insert into purchase_key (account_id, key) values ($1, $2) on conflict do nothing";

    private const string Deduct =
        "update account set used_ore = used_ore + $2 where id = $1 and used_ore + $2 <= limit_ore returning used_ore, limit_ore";

    private const string ReadAccount = "select used_ore, limit_ore from account where id = $1";

    private const string WriteLedger = "insert into ledger (account_id, key, amount_ore) values ($1, $2, $3)";

    private const string RecordAnswer = "update purchase_key set charged = $3, used_ore = $4, limit_ore = $5 where account_id = $1 and key = $2";

    private const string ReadAnswer = "select charged, used_ore, limit_ore from purchase_key where account_id = $1 and key = $2";

    /// <summary>The answer, or null when there is no such account.</summary>
    public async Task<PurchaseResult?> ChargeAsync(long accountId, long amountOre, string key, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await ExecuteAsync(connection, ClaimKey, cancellationToken, accountId, key) == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return await FirstAnswerAsync(connection, accountId, key, cancellationToken);
        }

        var deducted = await ReadPairAsync(connection, Deduct, cancellationToken, accountId, amountOre);
        var result = deducted is var (used, limit)
            ? new PurchaseResult(Charged: true, used, limit)
            : await ReadPairAsync(connection, ReadAccount, cancellationToken, accountId) is var (usedNow, limitNow)
                ? new PurchaseResult(Charged: false, usedNow, limitNow)
                : null;
        if (result is null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }

        // The ledger row and the stored answer go in one round trip.
        await using var batch = new NpgsqlBatch(connection, transaction);
        if (result.Charged)
        {
            batch.BatchCommands.Add(Command(WriteLedger, accountId, key, amountOre));
        }

        batch.BatchCommands.Add(Command(RecordAnswer, accountId, key, result.Charged, result.UsedOre, result.LimitOre));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public async Task SetLimitAsync(long accountId, long limitOre, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "insert into account (id, limit_ore) values ($1, $2) on conflict (id) do update set limit_ore = excluded.limit_ore");
        command.Parameters.AddWithValue(accountId);
        command.Parameters.AddWithValue(limitOre);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<PurchaseResult?> FirstAnswerAsync(NpgsqlConnection connection, long accountId, string key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ReadAnswer, connection);
        command.Parameters.AddWithValue(accountId);
        command.Parameters.AddWithValue(key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new PurchaseResult(reader.GetBoolean(0), reader.GetInt64(1), reader.GetInt64(2)) : null;
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        Bind(command.Parameters, values);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<(long, long)?> ReadPairAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        Bind(command.Parameters, values);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetInt64(1)) : null;
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        Bind(command.Parameters, values);
        return command;
    }

    private static void Bind(NpgsqlParameterCollection parameters, object[] values)
    {
        foreach (var value in values)
        {
            parameters.Add(new NpgsqlParameter { Value = value });
        }
    }
}
