using Npgsql;

namespace Kalmar.Bench.Baseline;

/// <summary>Three tables: the account with its limit, one row per idempotency key (with the answer it got), the ledger.</summary>
public static class Schema
{
    private const string Create =
        """
        create table if not exists account (
          id bigint primary key,
          limit_ore bigint not null,
          used_ore bigint not null default 0);
        create table if not exists purchase_key (
          account_id bigint not null references account (id),
          key text not null,
          charged boolean,
          used_ore bigint,
          limit_ore bigint,
          primary key (account_id, key));
        create table if not exists ledger (
          id bigserial primary key,
          account_id bigint not null references account (id),
          key text not null,
          amount_ore bigint not null,
          at timestamptz not null default now());
        """;

    public static async Task EnsureAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand(Create);
        await command.ExecuteNonQueryAsync();
    }
}
