using Kalmar.Web.Features.Invoices;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Kalmar.Web.Infrastructure;

/// <summary>
/// Degraded, not unhealthy, while the latest reconciliation has mismatches: the node serves well, but money disagrees
/// and someone must look. (A database that does not answer is the database check's to report.)
/// </summary>
internal sealed class ReconciliationHealthCheck(ReconciliationReader reconciliation) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await reconciliation.LatestMismatchCountAsync(cancellationToken) is > 0 and var count
                ? HealthCheckResult.Degraded($"The latest reconciliation found {count} mismatches.")
                : HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            return HealthCheckResult.Healthy("The latest reconciliation could not be read.");
        }
    }
}
