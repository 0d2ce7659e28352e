using System.Text.RegularExpressions;
using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;
using Kalmar.Tests.Fixtures;

namespace Kalmar.Tests.Grains;

public sealed partial class PasswordResetTests
{
    [Fact]
    public async Task ResetLinkExpiresAfterAnHour()
    {
        await using var cluster = await KalmarCluster.StartAsync(await (await PostgresServer.Shared).CreateDatabaseAsync(), fakeClock: true);
        var traveller = await Travellers.CreateAsync(cluster.Client);
        var user = cluster.Client.GetGrain<IUserGrain>(traveller.Id);
        var change = new PasswordChange(null, "Aterstallt-2026", "Aterstallt-2026");

        await user.SendPasswordResetAsync();
        var token = Token().Match(Assert.Single(await OutboxReader.ToAsync(cluster, traveller.Email)).Body).Groups["token"].Value;
        TestClock.Instance.Advance(TimeSpan.FromMinutes(61));
        var late = await user.ResetPasswordAsync(token, change);

        Assert.Equal("invalid-reset-link", late.Rejection?.Code);
        Assert.False((await cluster.Client.GetGrain<ISignInGrain>(0).SignInAsync(traveller.Email, "Aterstallt-2026")).Succeeded);
        Assert.True((await cluster.Client.GetGrain<ISignInGrain>(0).SignInAsync(traveller.Email, Travellers.Password)).Succeeded);
    }

    [GeneratedRegex(@"token=(?<token>[A-Za-z0-9_\-]+)")]
    private static partial Regex Token();
}
