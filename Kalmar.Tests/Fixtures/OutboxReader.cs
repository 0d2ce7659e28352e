using System.Text.RegularExpressions;

namespace Kalmar.Tests.Fixtures;

/// <summary>Reads the notification outbox table, to see what the system told whom.</summary>
public static partial class OutboxReader
{
    public sealed record Row(string Channel, string Recipient, string? Subject, string Body);

    public static async Task<IReadOnlyList<Row>> ToAsync(KalmarCluster cluster, string recipient) =>
        await Sql.ReadAsync(
            cluster, "select channel, recipient, subject, body from outbox where recipient = $1 order by created_at",
            reader => new Row(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3)),
            recipient);

    /// <summary>
    /// Runs <paramref name="action"/>, which sends one message to <paramref name="recipient"/> without waiting for it
    /// (a password reset is a one-way call), and answers that message once it is in the outbox.
    /// </summary>
    public static async Task<Row> AfterAsync(KalmarCluster cluster, string recipient, Func<Task> action)
    {
        await using var changes = await TableChanges.ListenAsync(cluster.ConnectionString, "outbox");
        await action();
        return await changes.UntilAsync(async () => (await ToAsync(cluster, recipient)).SingleOrDefault(), $"A message to {recipient}");
    }

    /// <summary>The app user name and one-time code of the newest business-travel SMS to <paramref name="mobile"/>.</summary>
    public static async Task<(string Username, string Code)> NewestActivationAsync(KalmarCluster cluster, string mobile)
    {
        var sms = (await ToAsync(cluster, mobile))[^1];
        var match = ActivationSms().Match(sms.Body);
        Assert.True(match.Success, sms.Body);
        return (match.Groups["username"].Value, match.Groups["code"].Value);
    }

    [GeneratedRegex(@"användarnamn (?<username>klt-[A-Z0-9]{8}) och engångskod (?<code>\d{6})")]
    private static partial Regex ActivationSms();
}
