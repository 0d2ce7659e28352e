using Kalmar.Contracts.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace Kalmar.Bench.Portal;

/// <summary>
/// An Orleans client of the benchmark's cluster, found through the membership table as the web host finds it.
/// Used only to seed (as DemoData does) and to let idle grains go before measuring grain memory; every measured
/// request goes over HTTP.
/// </summary>
public sealed class BenchCluster(IHost host) : IAsyncDisposable
{
    public IClusterClient Client => host.Services.GetRequiredService<IClusterClient>();

    public static async Task<BenchCluster> ConnectAsync(string connectionString, string clusterId)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client => client
            .UseAdoNetClustering(options =>
            {
                options.Invariant = ClusterSettings.Invariant;
                options.ConnectionString = connectionString;
            })
            .Configure<ClusterOptions>(options =>
            {
                options.ClusterId = clusterId;
                options.ServiceId = ClusterSettings.DefaultServiceId;
            }));
        var host = builder.Build();
        await host.StartAsync();
        return new BenchCluster(host);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
