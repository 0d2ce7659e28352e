using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Kalmar.Web.Infrastructure;

/// <summary>
/// Healthy when a silo answers through this node's gateway connection (so not before the client has joined the
/// cluster), degraded while fewer silos are active than <c>Cluster:MinimumSilos</c> (1 by default): the node serves,
/// but the cluster has lost the spare it was meant to have.
/// </summary>
internal sealed class ClusterHealthCheck(IClusterClient cluster, IConfiguration configuration) : IHealthCheck
{
    public const string MinimumSilosKey = "Cluster:MinimumSilos";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var hosts = await cluster.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, cancellationToken).WaitAsync(Timeout, cancellationToken);
            var minimum = configuration.GetValue(MinimumSilosKey, 1);
            return hosts.Count switch
            {
                0 => HealthCheckResult.Unhealthy("No active silo."),
                var count when count < minimum => HealthCheckResult.Degraded($"{count} active silo(s), fewer than the {minimum} configured."),
                var count => HealthCheckResult.Healthy($"{count} active silo(s)"),
            };
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The cluster does not answer.", exception);
        }
    }
}
