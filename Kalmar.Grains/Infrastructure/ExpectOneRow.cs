using Npgsql;

namespace Kalmar.Grains.Infrastructure;

/// <summary>
/// Makes a batched <c>update</c> or <c>insert</c> fail its whole batch unless it changes exactly one row (SQL function
/// <c>expect_one_row</c>, migration 0096): a batch without an explicit transaction is one implicit transaction, so the
/// check costs no round trip of its own. The error carries the given code for the caller to tell apart.
/// </summary>
public static class ExpectOneRow
{
    public static NpgsqlBatchCommand Of(NpgsqlBatchCommand command, string errorCode, string message)
    {
        var count = command.Parameters.Count;
        command.CommandText =
            $"with changed as ({command.CommandText} returning 1) select expect_one_row((select count(*) from changed), ${count + 1}, ${count + 2})";
        command.Parameters.AddWithValue(errorCode);
        command.Parameters.AddWithValue(message);
        return command;
    }
}
