namespace Kalmar.Tests.Fixtures;

/// <summary>
/// The whole system as tests use it: a database, two silos with demo data and two web hosts
/// (A and B) in one cluster. Shared by the <see cref="PortalCollection"/>.
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public KalmarCluster Cluster { get; private set; } = null!;

    public KalmarWebFactory WebA { get; private set; } = null!;

    public KalmarWebFactory WebB { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var server = await PostgresServer.Shared;
        Cluster = await KalmarCluster.StartAsync(await server.CreateDatabaseAsync(), silos: 2);
        WebA = new KalmarWebFactory(Cluster);
        WebB = new KalmarWebFactory(Cluster);
        _ = WebA.Server;
        _ = WebB.Server;
    }

    public async Task DisposeAsync()
    {
        await WebA.DisposeAsync();
        await WebB.DisposeAsync();
        await Cluster.DisposeAsync();
    }
}
