using Kalmar.Web.Observability;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Kalmar.Web.Infrastructure;

/// <summary>
/// Degraded while an e-mail or SMS has waited more than a minute: the silos send due messages every second, so an old
/// one means sending is stuck (no silo running the dispatcher, the SMTP server refusing). The node itself serves well.
/// </summary>
internal sealed class OutboxHealthCheck(BacklogReader backlog) : IHealthCheck
{
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(1);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var read = await backlog.ReadAsync(cancellationToken);
            return read.OldestUnsentAge > Patience
                ? HealthCheckResult.Degraded($"{read.UnsentMessages} unsent messages; the oldest has waited {read.OldestUnsentAge:g}.")
                : HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            return HealthCheckResult.Healthy("The outbox could not be read."); // the database check's to report
        }
    }
}
