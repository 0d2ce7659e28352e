using Kalmar.Contracts.Abstractions;
using Kalmar.Tests.Fixtures;
using Npgsql;

namespace Kalmar.Tests.Grains;

[Collection(PortalCollection.Name)]
public sealed class ClusterTests(PortalFixture portal)
{
    [Fact]
    public async Task TwoSilosJoinOneClusterThroughTheMembershipTable()
    {
        await using var dataSource = NpgsqlDataSource.Create(portal.Cluster.ConnectionString);
        await using var command = dataSource.CreateCommand(
            "select count(*) from orleansmembershiptable where deploymentid = $1 and status = 3");
        command.Parameters.AddWithValue(portal.Cluster.ClusterId);

        Assert.Equal(2L, await command.ExecuteScalarAsync());
        var hosts = await portal.Cluster.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        Assert.Equal(2, hosts.Count);
    }

    [Fact]
    public async Task GrainCallWorksThroughEitherSilosGateway()
    {
        foreach (var silo in portal.Cluster.Cluster.Silos)
        {
            await using var client = await GatewayClient.ConnectAsync(portal.Cluster, silo.GatewayAddress.Endpoint.Port);

            var company = await client.Client.GetGrain<ICompanyGrain>(Silo.DemoData.DemoAccounts.ExempelAb).GetAsync();

            Assert.Equal("Exempel AB", company?.Name);
        }
    }
}
