using Npgsql;

namespace Kalmar.Grains.Users;

/// <summary>
/// The table that maps an e-mail address to its user, so one can sign in by e-mail and no two
/// users share an address (the primary key decides races).
/// </summary>
public sealed class UserEmailIndex(NpgsqlDataSource dataSource)
{
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    /// <summary>
    /// Moves the user onto <paramref name="email"/> in one statement (a user has one row); false
    /// when another user holds the address, which the primary key decides even under races.
    /// </summary>
    public async Task<bool> TryClaimAsync(string email, Guid userId)
    {
        await using var command = dataSource.CreateCommand(
            "insert into user_email (email, user_id) values ($1, $2) on conflict (user_id) do update set email = excluded.email");
        command.Parameters.AddWithValue(Normalize(email));
        command.Parameters.AddWithValue(userId);
        try
        {
            await command.ExecuteNonQueryAsync();
            return true;
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return false;
        }
    }

    public async Task<Guid?> FindAsync(string email)
    {
        await using var command = dataSource.CreateCommand("select user_id from user_email where email = $1");
        command.Parameters.AddWithValue(Normalize(email));
        return await command.ExecuteScalarAsync() as Guid?;
    }
}
