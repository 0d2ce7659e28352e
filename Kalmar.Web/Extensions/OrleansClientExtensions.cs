using Kalmar.Contracts.Hosting;
using Kalmar.Web.Auth;
using Kalmar.Web.Realtime;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace Kalmar.Web.Extensions;

public static class OrleansClientExtensions
{
    /// <summary>How long a grain call from this node waits for its answer before it is told the outcome is unknown.</summary>
    public const string CallTimeoutKey = "Cluster:CallTimeout";

    /// <summary>
    /// Orleans' own 30 s kept every request to a dead silo's grains hanging for half a minute. A purchase or a decision
    /// answers in milliseconds, so 5 s is a dead silo, not a slow one; the few long calls (an import, a reconciliation)
    /// carry their own <c>[ResponseTimeout]</c>.
    /// </summary>
    public static readonly TimeSpan DefaultCallTimeout = TimeSpan.FromSeconds(5);

    /// <summary>The cluster this host's client joins: gateways from the cluster table in Postgres, the service's ids, a short wait for answers.</summary>
    public static IClientBuilder UseKalmarCluster(this IClientBuilder client, IConfiguration configuration)
    {
        client.Services.AddCachedGrainInterfaceTypes();
        return client
            .UseAdoNetClustering(options =>
            {
                options.Invariant = ClusterSettings.Invariant;
                options.ConnectionString = configuration.GetKalmarConnectionString();
            })
            .Configure<ClusterOptions>(options =>
            {
                options.ClusterId = configuration.GetClusterId();
                options.ServiceId = configuration.GetServiceId();
            })
            .Configure<ClientMessagingOptions>(options => options.ResponseTimeout = configuration.GetValue(CallTimeoutKey, DefaultCallTimeout));
    }

    /// <summary>
    /// The Orleans client: gateways found through the cluster table in Postgres, reconnecting
    /// until the silos are there, a short wait for answers, and this node's live routes.
    /// </summary>
    public static WebApplicationBuilder AddKalmarCluster(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.UseOrleansClient(client => client
            .UseKalmarCluster(configuration)
            .UseConnectionRetryFilter<RetryUntilStopped>()
            .AddActivityPropagation() // a request's trace goes on into the grains it calls
            .AddDashboard());

        builder.Services.AddOptions<LiveOptions>().Bind(configuration.GetSection(LiveOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<SiloDeaths>();
        builder.Services.AddSingleton<LiveHubObserver>();
        builder.Services.AddSingleton<UserConnections>();
        builder.Services.AddSingleton<SessionChecks>();
        builder.Services.AddSingleton<SessionEndNotice>();
        builder.Services.AddKeyedSingleton(SessionClock.Key, TimeProvider.System);
        builder.Services.AddSingleton<SessionExpiryWatch>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SessionExpiryWatch>());
        builder.Services.AddSingleton<LiveCatchUp>();
        builder.Services.AddSingleton<LiveRoutes>();
        builder.Services.AddHostedService(services => services.GetRequiredService<LiveRoutes>());
        return builder;
    }
}
