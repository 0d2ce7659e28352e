using System.Diagnostics;
using Kalmar.Contracts.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Kalmar.Tests.Fixtures;

/// <summary>
/// One silo with demo data and a web host whose own OpenTelemetry pipelines also export to memory: the spans as they
/// end, the metrics when a test flushes them. (Silo and web share the test process, so the web host's pipelines see the
/// grains' meters and activities too.)
/// </summary>
public sealed class ObservedPortalFixture : IAsyncLifetime
{
    public KalmarCluster Cluster { get; private set; } = null!;

    public KalmarWebFactory Web { get; private set; } = null!;

    public LockedCollection<Activity> Spans { get; } = [];

    public List<Metric> Metrics { get; } = [];

    public async Task InitializeAsync()
    {
        Cluster = await KalmarCluster.StartAsync(await (await PostgresServer.Shared).CreateDatabaseAsync());
        Web = new KalmarWebFactory(Cluster, new Dictionary<string, string> { [Telemetry.TracesKey] = "true" }, services: services => services
            .ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans))
            .ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(Metrics)));
        _ = Web.Server;
    }

    /// <summary>The metrics as they stand now.</summary>
    public IReadOnlyList<Metric> FlushMetrics()
    {
        Metrics.Clear();
        Web.Services.GetRequiredService<MeterProvider>().ForceFlush();
        return Metrics;
    }

    public async Task DisposeAsync()
    {
        await Web.DisposeAsync();
        await Cluster.DisposeAsync();
    }
}
