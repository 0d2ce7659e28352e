using Kalmar.Contracts.Domain;
using Kalmar.Web.Features.Invoices;

namespace Kalmar.Tests.Invoices;

public sealed class SpendForecastTests
{
    [Theory]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2027, "2027-03-28")]
    public void EasterFollowsTheGregorianComputus(int year, string sunday) =>
        Assert.Equal(DateOnly.Parse(sunday), SwedishWorkingDays.Easter(year));

    [Theory]
    [InlineData("2026-04-03", false)] // långfredagen
    [InlineData("2026-04-06", false)] // annandag påsk
    [InlineData("2026-05-01", false)] // första maj, a Friday
    [InlineData("2026-05-14", false)] // Kristi himmelsfärdsdag
    [InlineData("2026-06-19", false)] // midsommarafton
    [InlineData("2026-12-24", false)] // julafton
    [InlineData("2026-05-04", true)]
    [InlineData("2026-05-16", false)] // a Saturday
    public void WorkingDaysAreWeekdaysOutsideTheHolidays(string day, bool working) =>
        Assert.Equal(working, SwedishWorkingDays.IsWorkingDay(DateOnly.Parse(day)));

    [Fact]
    public void MayTwentyTwentySixHasNineteenWorkingDaysNineOfThemByTheFifteenth()
    {
        Assert.Equal(19, SwedishWorkingDays.Count(2026, 5));
        Assert.Equal(9, SwedishWorkingDays.Count(2026, 5, new DateOnly(2026, 5, 15)));
    }

    [Fact]
    public void ForecastBlendsTheMonthsPaceWithTheLastThreeMonthsAndWarnsAboveTheUsual()
    {
        // 900 kr in 9 of May's 19 working days: pace 1 900 kr; the last three months average 1 000 kr;
        // 9/19 × 1 900 + 10/19 × 1 000 = 1 426,32 kr, over 1,25 × the six months' 1 000 kr.
        var forecast = SpendForecast.For(90_000, new DateOnly(2026, 5, 15), [100_000, 120_000, 80_000, 100_000, 100_000, 100_000]);

        Assert.Equal(142_632, forecast.ForecastOre);
        Assert.Equal(100_000, forecast.UsualOre);
        Assert.True(forecast.AboveUsual);
    }

    [Fact]
    public void ForecastWithinTheUsualLevelDoesNotWarn()
    {
        var forecast = SpendForecast.For(40_000, new DateOnly(2026, 5, 15), [100_000, 100_000, 100_000]);

        Assert.Equal(92_632, forecast.ForecastOre); // 9/19 × 84 444,44 + 10/19 × 100 000
        Assert.False(forecast.AboveUsual);
    }

    [Fact]
    public void WithoutHistoryTheForecastIsThePaceAndNeverLessThanSpent()
    {
        Assert.Equal(190_000, SpendForecast.For(90_000, new DateOnly(2026, 5, 15), []).ForecastOre);
        Assert.Null(SpendForecast.For(90_000, new DateOnly(2026, 5, 15), []).UsualOre);
        Assert.Equal(5_000, SpendForecast.For(5_000, new DateOnly(2026, 5, 1), [0]).ForecastOre); // 1 May: no working day yet
    }

    [Fact]
    public void ChartAxisEndsOnARoundNumber()
    {
        Assert.Equal(200_000, SpendChart.NiceCeiling(190_000));
        Assert.Equal(1_000_000, SpendChart.NiceCeiling(900_000));
    }
}
