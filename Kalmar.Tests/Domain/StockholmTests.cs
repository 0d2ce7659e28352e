using Kalmar.Contracts.Domain;

namespace Kalmar.Tests.Domain;

public sealed class StockholmTests
{
    [Theory]
    [InlineData("2026-06-30T21:59:58Z", "2026-06-30T22:00:00Z")] // 23:59:58 summer time (UTC+2)
    [InlineData("2026-11-30T22:59:58Z", "2026-11-30T23:00:00Z")] // 23:59:58 winter time (UTC+1)
    [InlineData("2026-03-10T12:00:00Z", "2026-03-31T22:00:00Z")] // asked in winter time, the month turns in summer time
    [InlineData("2026-10-10T12:00:00Z", "2026-10-31T23:00:00Z")] // asked in summer time, the month turns in winter time
    [InlineData("2026-12-31T22:30:00Z", "2026-12-31T23:00:00Z")] // the year turns too
    public void NextMonthStartIsMidnightOnTheFirstInSwedishTime(string instant, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected), Stockholm.NextMonthStart(DateTimeOffset.Parse(instant)));

    [Fact]
    public void AtAMonthStartTheNextOneIsAMonthLater() =>
        Assert.Equal(DateTimeOffset.Parse("2026-04-30T22:00:00Z"), Stockholm.NextMonthStart(DateTimeOffset.Parse("2026-03-31T22:00:00Z")));

    [Fact]
    public void NextMonthStartBelongsToTheNextMonth()
    {
        var lastSecondOfMay = DateTimeOffset.Parse("2026-05-31T21:59:59Z");

        Assert.Equal("2026-05", Stockholm.MonthOf(lastSecondOfMay));
        Assert.Equal("2026-06", Stockholm.MonthOf(Stockholm.NextMonthStart(lastSecondOfMay)));
    }

    [Theory]
    [InlineData("2026-11", "november 2026")]
    [InlineData("2027-01", "januari 2027")]
    public void CreditMonthsAreNamedInSwedish(string month, string name) => Assert.Equal(name, Stockholm.MonthName(month));
}
