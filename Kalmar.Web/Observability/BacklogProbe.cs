using Kalmar.Contracts.Hosting;
using Npgsql;

namespace Kalmar.Web.Observability;

/// <summary>
/// Refreshes the backlog gauges every <c>Telemetry:BacklogInterval</c> (15 s by default), so a scrape or an export
/// reads memory, never the database.
/// </summary>
public sealed partial class BacklogProbe(BacklogReader reader, KalmarMetrics metrics, IConfiguration configuration, ILogger<BacklogProbe> logger)
    : BackgroundService
{
    public const string IntervalKey = "Telemetry:BacklogInterval";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(configuration.GetValue(IntervalKey, TimeSpan.FromSeconds(15)));
        do
        {
            try
            {
                metrics.Backlog = await reader.ReadAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                metrics.Backlog = null; // no figure rather than a stale one; the database check reports the outage
                LogUnreadable(exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The backlog could not be read")]
    private partial void LogUnreadable(Exception exception);
}
