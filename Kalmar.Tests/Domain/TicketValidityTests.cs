using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Fares;
using Kalmar.Contracts.Model;

namespace Kalmar.Tests.Domain;

public sealed class TicketValidityTests
{
    private static readonly FareProduct Enkel = new("enkel", "Enkelbiljett", 90, 10);
    private static readonly FareProduct ThirtyDays = new("30d", "30-dagarsbiljett", 30 * FareProduct.MinutesPerDay, 5, StartsOnDay: true);
    private static readonly FareProduct YearLong = new("365d", "365-dagarsbiljett", 365 * FareProduct.MinutesPerDay, 5, StartsOnDay: true);

    [Fact]
    public void ThirtyDagarFromTheTwentiethOfMarchEndsAtLocalMidnightInSummerTime()
    {
        var validTo = ThirtyDays.ValidTo(Stockholm.StartOfDay(new DateOnly(2027, 3, 20)));

        Assert.Equal(DateTimeOffset.Parse("2027-04-19T00:00:00+02:00"), validTo);
        Assert.Equal(TimeSpan.FromHours(2), Stockholm.ToLocal(validTo).Offset);
    }

    [Fact]
    public void DayTicketsCountStockholmDaysAcrossTheAutumnChangeToo()
    {
        Assert.Equal(DateTimeOffset.Parse("2026-11-14T00:00:00+01:00"), ThirtyDays.ValidTo(Stockholm.StartOfDay(new DateOnly(2026, 10, 15))));
        Assert.Equal(DateTimeOffset.Parse("2027-10-20T00:00:00+02:00"), YearLong.ValidTo(Stockholm.StartOfDay(new DateOnly(2026, 10, 20))));
    }

    [Fact]
    public void EnkelRunsNinetyMinutesFromItsStart() =>
        Assert.Equal(DateTimeOffset.Parse("2026-12-02T18:30:00+01:00"), Enkel.ValidTo(DateTimeOffset.Parse("2026-12-02T17:00:00+01:00")));

    [Fact]
    public void AnApprovalBeforeTheChosenStartWaitsForItAndOneAfterItStartsAtTheApproval()
    {
        var start = new TicketStart(DateTimeOffset.Parse("2026-12-02T17:00:00+01:00"), IsDay: false);
        var early = DateTimeOffset.Parse("2026-12-02T08:00:00+01:00");
        var late = DateTimeOffset.Parse("2026-12-02T17:12:00+01:00");

        Assert.Equal(start.At, start.ValidFrom(early));
        Assert.False(start.HadPassed(early));
        Assert.Equal(late, start.ValidFrom(late));
        Assert.True(start.HadPassed(late));
    }

    [Theory]
    [InlineData("2026-12-02T17:00", "2026-12-02T17:00:00+01:00")]
    [InlineData("2027-07-02T17:00", "2027-07-02T17:00:00+02:00")]
    [InlineData("2026-12-02T17:00:00Z", "2026-12-02T18:00:00+01:00")]
    [InlineData("2026-12-02T17:00+03:00", "2026-12-02T15:00:00+01:00")]
    public void DateTimesWithoutAnOffsetAreStockholmTime(string text, string expected)
    {
        Assert.True(Stockholm.TryParseDateTime(text, out var instant));
        Assert.Equal(DateTimeOffset.Parse(expected), instant);
    }

    [Theory]
    [InlineData("2026-12-02")]
    [InlineData("17:00")]
    [InlineData("i morgon")]
    [InlineData("")]
    public void ADateAloneOrNonsenseIsNoDateTime(string text) => Assert.False(Stockholm.TryParseDateTime(text, out _));
}
