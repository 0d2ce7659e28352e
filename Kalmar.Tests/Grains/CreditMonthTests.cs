using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Live;
using Kalmar.Contracts.Model;
using Kalmar.Grains.Credit;
using Kalmar.Silo.DemoData;
using Kalmar.Tests.Fixtures;
using Npgsql;

namespace Kalmar.Tests.Grains;

/// <summary>
/// The credit month on a fake clock: it turns at 00:00 Swedish time on the 1st, summer time or not. Reminders still run
/// on real time, so a test that waits for one moves the fake clock only a few seconds.
/// </summary>
public sealed class CreditMonthTests : IAsyncLifetime
{
    private KalmarCluster _cluster = null!;

    public async Task InitializeAsync() =>
        _cluster = await KalmarCluster.StartAsync(await (await PostgresServer.Shared).CreateDatabaseAsync(), demoData: false, fakeClock: true);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Theory]
    [InlineData(3)]   // 31 March is summer time (UTC+2): the month turns at 22:00 UTC
    [InlineData(11)]  // 30 November is winter time (UTC+1): at 23:00 UTC
    public async Task PurchaseAtOneMinuteToMidnightCountsInThatMonthAndAtMidnightTheCreditIsWhole(int month)
    {
        var lastMinute = NextLastMinuteOf(month);
        TestClock.Instance.SetUtcNow(lastMinute.ToUniversalTime());
        var thatMonth = $"{lastMinute.Year:D4}-{month:D2}";
        var nextMonth = lastMinute.AddMonths(1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var account = _cluster.Client.GetGrain<ICreditAccountGrain>(Guid.NewGuid());
        await account.SetLimitAsync(enabled: true, monthlyLimitOre: 40000);

        var bought = await account.ChargeAsync(new CreditCharge(
            "sista-minuten", DemoAccounts.ExempelAb, DemoAccounts.Avdelning21, "Enkelbiljett", "Vuxen", ["101"], "Möte", Vat.Breakdown(30000)));
        TestClock.Instance.Advance(TimeSpan.FromMinutes(1));
        var afterMidnight = await account.GetAsync();

        Assert.Equal(thatMonth, bought.Value!.Credit.Month);
        Assert.Equal(31800, bought.Value.Credit.UsedOre);
        Assert.Equal(nextMonth, afterMidnight.Month);
        Assert.Equal(0, afterMidnight.UsedOre);
        Assert.Equal(40000, afterMidnight.RemainingOre);
    }

    [Fact]
    public async Task AtMidnightOnTheFirstTheWholeNewCreditIsPushedWithoutAnyoneAsking()
    {
        var monthStart = Stockholm.NextMonthStart(TestClock.Instance.GetUtcNow());
        TestClock.Instance.SetUtcNow(monthStart - TimeSpan.FromSeconds(2));
        var travellerId = Guid.NewGuid();
        var newMonth = Stockholm.MonthOf(monthStart);
        await using var pushes = await LiveEventProbe.SubscribeAsync(_cluster.Client, LiveAddress.User(travellerId), liveEvent =>
            liveEvent.Update is CreditChanged { Credit.Month: var month } && month == newMonth);
        var account = _cluster.Client.GetGrain<ICreditAccountGrain>(travellerId);
        await account.SetLimitAsync(enabled: true, monthlyLimitOre: 40000);
        var bought = await account.ChargeAsync(new CreditCharge(
            "före-midnatt", DemoAccounts.ExempelAb, DemoAccounts.Avdelning21, "Enkelbiljett", "Vuxen", ["101"], "Möte", Vat.Breakdown(30000)));

        TestClock.Instance.Advance(TimeSpan.FromSeconds(3));
        var pushed = ((CreditChanged)(await pushes.WaitAsync($"creditChanged for {newMonth}")).Update).Credit;

        Assert.Equal(31800, bought.Value!.Credit.UsedOre);
        Assert.Equal(40000, pushed.LimitOre);
        Assert.Equal(0, pushed.UsedOre);
        Assert.Equal(40000, pushed.RemainingOre);
    }

    [Fact]
    public async Task RevokingBusinessTravelRemovesTheMonthReminder()
    {
        var account = _cluster.Client.GetGrain<ICreditAccountGrain>(Guid.NewGuid());

        await account.SetLimitAsync(enabled: true, monthlyLimitOre: 40000);
        var whileGranted = await HasMonthReminderAsync(account);
        await account.SetLimitAsync(enabled: false, monthlyLimitOre: 40000);
        var afterRevoking = await HasMonthReminderAsync(account);

        Assert.True(whileGranted);
        Assert.False(afterRevoking);
    }

    private async Task<bool> HasMonthReminderAsync(ICreditAccountGrain account)
    {
        await using var dataSource = NpgsqlDataSource.Create(_cluster.ConnectionString);
        await using var command = dataSource.CreateCommand(
            "select exists (select 1 from orleansreminderstable where serviceid = $1 and grainid = $2 and remindername = $3)");
        command.Parameters.AddWithValue(_cluster.ServiceId);
        command.Parameters.AddWithValue(account.GetGrainId().ToString());
        command.Parameters.AddWithValue(CreditAccountGrain.MonthReminder);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>23:59 Swedish time on the last day of <paramref name="month"/>, in the first year still ahead of the fake clock.</summary>
    private static DateTimeOffset NextLastMinuteOf(int month)
    {
        for (var year = TestClock.Instance.GetUtcNow().Year; ; year++)
        {
            var local = new DateTime(year, month, DateTime.DaysInMonth(year, month), 23, 59, 0);
            var lastMinute = new DateTimeOffset(local, Stockholm.TimeZone.GetUtcOffset(local));
            if (lastMinute > TestClock.Instance.GetUtcNow())
            {
                return lastMinute;
            }
        }
    }
}
