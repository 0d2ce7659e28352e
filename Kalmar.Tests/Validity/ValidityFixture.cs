using Kalmar.Tests.Fixtures;

namespace Kalmar.Tests.Validity;

/// <summary>A cluster with demo data on the fake business clock (<see cref="TestClock"/>), and one web host.</summary>
public sealed class ValidityFixture : IAsyncLifetime
{
    public KalmarCluster Cluster { get; private set; } = null!;

    public KalmarWebFactory Web { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Cluster = await KalmarCluster.StartAsync(await (await PostgresServer.Shared).CreateDatabaseAsync(), fakeClock: true);
        Web = new KalmarWebFactory(Cluster);
        _ = Web.Server;
    }

    public async Task DisposeAsync()
    {
        await Web.DisposeAsync();
        await Cluster.DisposeAsync();
    }
}
