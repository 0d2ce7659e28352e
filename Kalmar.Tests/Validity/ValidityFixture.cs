using Kalmar.Tests.Fixtures;
using Microsoft.Extensions.Time.Testing;

namespace Kalmar.Tests.Validity;

/// <summary>A cluster with demo data on a fake business clock of its own (<see cref="Clock"/>), and one web host.</summary>
public sealed class ValidityFixture : IAsyncLifetime
{
    public KalmarCluster Cluster { get; private set; } = null!;

    public KalmarWebFactory Web { get; private set; } = null!;

    /// <summary>The cluster's own business clock: other fixtures move the shared one past the timetable's period.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public async Task InitializeAsync()
    {
        Cluster = await KalmarCluster.StartAsync(await (await PostgresServer.Shared).CreateDatabaseAsync(), clock: Clock);
        Web = new KalmarWebFactory(Cluster);
        _ = Web.Server;
    }

    public async Task DisposeAsync()
    {
        await Web.DisposeAsync();
        await Cluster.DisposeAsync();
    }
}
