using System.Net;
using Kalmar.Tests.Fixtures;

namespace Kalmar.Tests.Web;

public sealed class HealthTests
{
    [Fact]
    public async Task ReadyFollowsTheDatabaseWhileLiveStaysUp()
    {
        await using var server = await PostgresServer.StartAsync();
        await using var cluster = await KalmarCluster.StartAsync(await server.CreateDatabaseAsync(), demoData: false);
        await using var web = new KalmarWebFactory(cluster);
        using var client = web.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        await server.StopAsync();
        var whileDown = await client.GetAsync("/health/ready");
        var liveWhileDown = await client.GetAsync("/health/live");
        await server.StartAgainAsync();
        var afterRestart = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, whileDown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, liveWhileDown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterRestart.StatusCode);
    }

    [Fact]
    public async Task OpenApiDocumentDescribesTheApi()
    {
        await using var cluster = await KalmarCluster.StartAsync(await (await PostgresServer.Shared).CreateDatabaseAsync(), demoData: false);
        await using var web = new KalmarWebFactory(cluster);

        var document = await web.CreateClient().GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/auth/login", document, StringComparison.Ordinal);
        Assert.Contains("/api/me", document, StringComparison.Ordinal);
    }
}
