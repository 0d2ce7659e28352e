using Kalmar.Contracts.Hosting;
using Kalmar.Web.Realtime;
using Orleans.Configuration;

namespace Kalmar.Web.Extensions;

public static class OrleansClientExtensions
{
    /// <summary>
    /// The Orleans client: gateways found through the cluster table in Postgres, reconnecting
    /// until the silos are there, and this node's live routes.
    /// </summary>
    public static WebApplicationBuilder AddKalmarCluster(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        builder.UseOrleansClient(client => client
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
            .UseConnectionRetryFilter<RetryUntilStopped>());

        builder.Services.AddOptions<LiveOptions>().Bind(configuration.GetSection(LiveOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<LiveHubObserver>();
        builder.Services.AddSingleton<UserConnections>();
        builder.Services.AddSingleton<LiveRoutes>();
        builder.Services.AddHostedService(services => services.GetRequiredService<LiveRoutes>());
        return builder;
    }
}
