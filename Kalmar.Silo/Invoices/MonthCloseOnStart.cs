using Kalmar.Contracts.Abstractions;
using Kalmar.Grains.Invoices;
using Microsoft.Extensions.Logging;

namespace Kalmar.Silo.Invoices;

/// <summary>
/// When a silo starts: every company's month close is scheduled, and what came due while the cluster was down is closed.
/// In the background, so a long list of companies does not hold up the start; each silo does it, harmlessly.
/// </summary>
internal sealed partial class MonthCloseOnStart(IGrainFactory grains, InvoiceStore store, ILogger<MonthCloseOnStart> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(MonthCloseOnStart), ServiceLifecycleStage.Active, started =>
        {
            _ = Task.Run(ScheduleAllAsync, CancellationToken.None);
            return Task.CompletedTask;
        });

    private async Task ScheduleAllAsync()
    {
        try
        {
            foreach (var companyId in await store.CompanyIdsAsync())
            {
                await grains.GetGrain<IInvoiceGrain>(companyId).ScheduleAsync();
            }
        }
        catch (Exception exception)
        {
            LogFailed(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduling the month close of every company failed; each company's own reminder still runs")]
    private partial void LogFailed(Exception exception);
}
