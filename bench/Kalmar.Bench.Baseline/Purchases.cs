using Npgsql;

namespace Kalmar.Bench.Baseline;

/// <summary>
/// A purchase is one transaction, sent as one statement: the conditional UPDATE deducts (its row lock keeps the
/// limit), the ledger row and the idempotency row with its answer are inserted, and it commits. One statement means
/// one round trip, so the row lock is held only while PostgreSQL itself works and commits, never while a client
/// process waits for the CPU. A retry of a key fails on the idempotency row's unique key (after waiting for the
/// first attempt to commit), which rolls its deduction back; it then reads the answer the first attempt stored.
/// </summary>
public sealed class Purchases(NpgsqlDataSource dataSource)
{
    private const string Charge =
        """
        with deducted as (
          update account set used_ore = used_ore + $3
          where id = $1 and used_ore + $3 <= limit_ore
          returning used_ore, limit_ore),
        answer as (
          select true as charged, used_ore, limit_ore from deducted
          union all
          select false, used_ore, limit_ore from account where id = $1 and not exists (select 1 from deducted)),
        ledger_row as (
          insert into ledger (account_id, key, amount_ore) select $1, $2, $3 from deducted),
        key_row as (
          insert into purchase_key (account_id, key, charged, used_ore, limit_ore) select $1, $2, charged, used_ore, limit_ore from answer)
        select charged, used_ore, limit_ore from answer
        """;

    private const string FirstAnswer = "select charged, used_ore, limit_ore from purchase_key where account_id = $1 and key = $2";

    private const string UniqueViolation = "23505";

    /// <summary>The answer, or null when there is no such account.</summary>
    public async Task<PurchaseResult?> ChargeAsync(long accountId, long amountOre, string key, CancellationToken cancellationToken)
    {
        try
        {
            return await ReadAnswerAsync(Charge, cancellationToken, accountId, key, amountOre);
        }
        catch (PostgresException exception) when (exception.SqlState == UniqueViolation)
        {
            return await ReadAnswerAsync(FirstAnswer, cancellationToken, accountId, key);
        }
    }

    public async Task SetLimitAsync(long accountId, long limitOre, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "insert into account (id, limit_ore) values ($1, $2) on conflict (id) do update set limit_ore = excluded.limit_ore");
        command.Parameters.AddWithValue(accountId);
        command.Parameters.AddWithValue(limitOre);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<PurchaseResult?> ReadAnswerAsync(string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new PurchaseResult(reader.GetBoolean(0), reader.GetInt64(1), reader.GetInt64(2)) : null;
    }
}
