using Kalmar.Tests.Fixtures;

namespace Kalmar.Tests.Invoices;

/// <summary>A cluster on the fake business clock, without demo data, and one web host: for invoices and month close.</summary>
public sealed class InvoiceFixture : IAsyncLifetime
{
    public KalmarCluster Cluster { get; private set; } = null!;

    public KalmarWebFactory Web { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Cluster = await KalmarCluster.StartAsync(await (await PostgresServer.Shared).CreateDatabaseAsync(), demoData: false, fakeClock: true);
        Web = new KalmarWebFactory(Cluster);
        _ = Web.Server;
    }

    public async Task DisposeAsync()
    {
        await Web.DisposeAsync();
        await Cluster.DisposeAsync();
    }
}
