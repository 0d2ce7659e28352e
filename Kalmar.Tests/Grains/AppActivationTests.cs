using Kalmar.Contracts.Abstractions;
using Kalmar.Tests.Fixtures;

namespace Kalmar.Tests.Grains;

public sealed class AppActivationTests
{
    [Fact]
    public async Task CodeExpiresAfterSeventyTwoHoursAndANewCodeReplacesIt()
    {
        await using var cluster = await KalmarCluster.StartAsync(await (await PostgresServer.Shared).CreateDatabaseAsync(), fakeClock: true);
        var traveller = await Travellers.CreateAsync(cluster.Client);
        var grant = cluster.Client.GetGrain<IBusinessTravelGrain>(traveller.Id);

        await grant.GrantAsync(enabled: true, monthlyLimitOre: 40000);
        var (first, firstCode) = await OutboxReader.NewestActivationAsync(cluster, Travellers.Mobile);
        await grant.SendNewCodeAsync();
        var (second, secondCode) = await OutboxReader.NewestActivationAsync(cluster, Travellers.Mobile);
        var replaced = await cluster.Client.GetGrain<IAppActivationGrain>(first).ActivateAsync(firstCode);
        TestClock.Instance.Advance(TimeSpan.FromHours(72) + TimeSpan.FromMinutes(1));
        var expired = await cluster.Client.GetGrain<IAppActivationGrain>(second).ActivateAsync(secondCode);

        Assert.NotEqual(first, second);
        Assert.Equal("invalid-code", replaced.Rejection?.Code);
        Assert.Equal("invalid-code", expired.Rejection?.Code);
    }
}
