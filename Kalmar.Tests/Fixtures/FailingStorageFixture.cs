using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers;
using Orleans.Storage;

namespace Kalmar.Tests.Fixtures;

/// <summary>A silo of its own whose grain storage tests can break and mend, grain by grain.</summary>
public sealed class FailingStorageFixture : IAsyncLifetime
{
    public KalmarCluster Cluster { get; private set; } = null!;

    public FailingGrainStorage Storage { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await (await PostgresServer.Shared).CreateDatabaseAsync();
        Cluster = await KalmarCluster.StartAsync(connectionString, demoData: false, siloConfigurators: [typeof(FailingStorageConfigurator)]);
        Storage = (FailingGrainStorage)Cluster.Cluster.GetSiloServiceProvider()
            .GetRequiredKeyedService<IGrainStorage>(ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME);
    }

    public Task DisposeAsync() => Cluster.DisposeAsync().AsTask();
}
