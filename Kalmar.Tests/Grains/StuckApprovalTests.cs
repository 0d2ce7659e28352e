using Kalmar.Silo.DemoData;
using Kalmar.Tests.Fixtures;

namespace Kalmar.Tests.Grains;

public sealed class StuckApprovalTests
{
    private static readonly Dictionary<string, string> QuickReminders = new()
    {
        ["Approvals:RemindAfter"] = "00:00:02",
        ["Approvals:EscalateAfter"] = "00:00:03",
        ["Reminders:MinimumPeriod"] = "00:00:01",
    };

    [Fact]
    public async Task WaitingOrderRemindsTheDepartmentAdminsAndThenEscalatesEvenAcrossARestart()
    {
        var connectionString = await (await PostgresServer.Shared).CreateDatabaseAsync();
        var serviceId = $"stuck-{Guid.NewGuid():N}";
        await using (var first = await KalmarCluster.StartAsync(connectionString, serviceId: serviceId, settings: QuickReminders))
        {
            var traveller = await Travellers.CreateAsync(first.Client);
            await Orders.SubmitAsync(first.Client, traveller, DemoAccounts.ExempelAb, DemoAccounts.Avdelning21);
        }

        await using var second = await KalmarCluster.StartAsync(connectionString, serviceId: serviceId, settings: QuickReminders);
        await using var outbox = await TableChanges.ListenAsync(connectionString, "outbox");
        var reminded = await outbox.UntilAsync(
            () => MailAsync(second, "dan@example.se", "Påminnelse: en beställning väntar på ditt godkännande"), "Dan's reminder");
        var escalated = await outbox.UntilAsync(
            () => MailAsync(second, "anna@example.se", "En beställning har väntat länge på godkännande"), "Anna's escalation");

        Assert.Contains("Test Resenär", reminded.Body, StringComparison.Ordinal);
        Assert.Contains("Avdelning", escalated.Body, StringComparison.Ordinal);
        Assert.Single(await OutboxReader.ToAsync(second, "anna@example.se"), mail => mail.Subject == escalated.Subject);
    }

    private static async Task<OutboxReader.Row?> MailAsync(KalmarCluster cluster, string recipient, string subject) =>
        (await OutboxReader.ToAsync(cluster, recipient)).FirstOrDefault(mail => mail.Subject == subject);
}
