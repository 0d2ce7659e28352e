using System.Text.RegularExpressions;
using Npgsql;

namespace Kalmar.Bench.Portal;

/// <summary>Reads the app's user name and one-time code from the SMS in the outbox, as a traveller reads their phone.</summary>
public sealed partial class ActivationCodes(NpgsqlDataSource database)
{
    public async Task<(string Username, string Code)> NewestForAsync(string mobile)
    {
        await using var command = database.CreateCommand("select body from outbox where recipient = $1 and channel = 'sms' order by created_at desc limit 1");
        command.Parameters.AddWithValue(mobile);
        var body = await command.ExecuteScalarAsync() as string ?? throw new InvalidOperationException($"No SMS to {mobile} in the outbox.");
        var match = ActivationSms().Match(body);
        return match.Success ? (match.Groups["username"].Value, match.Groups["code"].Value) : throw new InvalidOperationException($"Not an activation SMS: {body}");
    }

    [GeneratedRegex(@"användarnamn (?<username>klt-[A-Z0-9]{8}) och engångskod (?<code>\d{6})")]
    private static partial Regex ActivationSms();
}
