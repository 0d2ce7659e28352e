using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Hosting;
using Kalmar.Grains.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kalmar.Grains.Invoices;

/// <summary>
/// A company's month close. Month M closes at 00:05 Stockholm time on the 1st of M+1, not at 00:00: a charge or decision
/// made at 23:59:59.9 has its month fixed when it is made, and the five minutes' grace let its ledger row, still being
/// committed at midnight, land before its month is frozen. (A row later still, delayed by a crash, goes on the next
/// invoice rather than change a closed one.) Each close is one transaction that skips a month already closed, so a tick
/// that comes twice, late, or from two activations is harmless, and after downtime every past month is closed in turn.
/// The database is the state; the reminder is only the alarm clock.
/// </summary>
public sealed partial class InvoiceGrain(
    InvoiceStore store, [FromKeyedServices(BusinessClock.Key)] TimeProvider time, KalmarMetrics metrics, ILogger<InvoiceGrain> logger) : Grain, IInvoiceGrain, IRemindable
{
    public const string CloseReminder = "month-close";

    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(5);

    public async Task ScheduleAsync()
    {
        await CloseDueMonthsAsync();
        var now = time.GetUtcNow();
        var nextClose = Stockholm.NextMonthStart(now - Grace) + Grace;
        // The daily period only matters should a tick be lost: each tick moves the reminder on to the next close.
        await this.RegisterOrUpdateReminder(CloseReminder, Max(nextClose - now, TimeSpan.FromMinutes(1)), TimeSpan.FromDays(1));
    }

    public async Task<IReadOnlyList<string>> CloseDueMonthsAsync()
    {
        var now = time.GetUtcNow();
        var companyId = this.GetPrimaryKey();
        var numbers = new List<string>();
        foreach (var month in await store.MonthsToCloseAsync(companyId, Stockholm.MonthOf(now - Grace)))
        {
            if (await store.CloseAsync(companyId, month, now) is { } invoice)
            {
                LogClosed(companyId, month, invoice.Number, invoice.TotalOre);
                numbers.Add(invoice.Number);
            }
        }

        metrics.MonthClosed(issued: numbers.Count > 0);
        if (numbers.Count > 0)
        {
            await GrainFactory.GetGrain<IReconciliationGrain>(0).RunAfterCloseAsync();
        }

        return numbers;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) =>
        reminderName == CloseReminder ? ScheduleAsync() : Task.CompletedTask;

    private static TimeSpan Max(TimeSpan left, TimeSpan right) => left > right ? left : right;

    [LoggerMessage(Level = LogLevel.Information, Message = "Closed {Month} of company {CompanyId}: invoice {Number}, {TotalOre} öre")]
    private partial void LogClosed(Guid companyId, string month, string number, long totalOre);
}
