using Kalmar.Contracts.Hosting;
using Kalmar.Web.Realtime;
using Kalmar.Web.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Kalmar.Tests.Fixtures;

/// <summary>
/// A web host (the real Kalmar.Web) joined to a test cluster through the cluster table; <paramref name="services"/> adds
/// to its services (e.g. an in-memory exporter). Made from the cluster's address, it may start before any silo does;
/// <paramref name="sessionClock"/> is the silos' fake clock, if they have one.
/// </summary>
public sealed class KalmarWebFactory(
    string connectionString, string clusterId, string serviceId, IReadOnlyDictionary<string, string>? settings = null,
    Action<IServiceCollection>? services = null, TimeProvider? sessionClock = null)
    : WebApplicationFactory<Program>
{
    public KalmarWebFactory(KalmarCluster cluster, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
        : this(cluster.ConnectionString, cluster.ClusterId, cluster.ServiceId, settings, services, cluster.Clock)
    {
    }

    private static readonly (string, string)[] Unlimited =
    [
        (nameof(RateLimitOptions.SignInPerMinute), "1000000"), (nameof(RateLimitOptions.PasswordResetPerHour), "1000000"),
        (nameof(RateLimitOptions.MessagesPerRecipientPerHour), "1000000"), (nameof(RateLimitOptions.ApiPerMinute), "100000000"),
        (nameof(RateLimitOptions.HubConnectionsPerUser), "1000"),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting($"ConnectionStrings:{ClusterSettings.ConnectionStringName}", connectionString);
        builder.UseSetting($"{ClusterSettings.ClusterSection}:ClusterId", clusterId);
        builder.UseSetting($"{ClusterSettings.ClusterSection}:ServiceId", serviceId);
        builder.UseSetting("Live:RenewalInterval", "00:00:01");
        // Every test request comes from one (unknown) address; RateLimitTests sets low limits of its own.
        foreach (var (limit, value) in Unlimited)
        {
            builder.UseSetting($"{RateLimitOptions.Section}:{limit}", value);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureServices(services);
        }

        // A node compares session deadlines with the clock the silos tell time by (a test's fake clock).
        if (sessionClock is not null)
        {
            builder.ConfigureTestServices(test => test.AddKeyedSingleton(SessionClock.Key, sessionClock));
        }
    }
}
