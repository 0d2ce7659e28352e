using Kalmar.Grains.Transit;

namespace Kalmar.Tests.Domain;

public sealed class JourneySearchTests(ShippedFeedFixture shipped) : IClassFixture<ShippedFeedFixture>
{
    private const string KalmarC = "740101001";
    private const string Nybro = "740131001";
    private const string Borgholm = "740121001";
    private const string Boda = "740124001";
    private const string Kosta = "740139001";

    private static readonly DateOnly Monday = new(2026, 3, 2);
    private static readonly DateOnly Saturday = new(2026, 3, 7);

    private TransitIndex Index => shipped.Index;

    [Fact]
    public void KalmarToNybroOnAWeekdayMorningHasDirectDepartures()
    {
        var journeys = Index.FindJourneys(KalmarC, Nybro, Monday, new TimeOnly(8, 0));

        Assert.InRange(journeys.Count, 1, TransitIndex.DefaultMaxJourneys);
        Assert.Contains(journeys, j => j.Changes == 0);
        Assert.All(journeys, j => Assert.True(j.Departure >= new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.FromHours(1))));
        Assert.Equal(journeys.OrderBy(j => j.Departure).ThenBy(j => j.Arrival), journeys);
        Assert.All(journeys, j => Assert.Equal(("Kalmar C", "Nybro station"), (j.From.Name, j.To.Name)));
        Assert.All(journeys, j => Assert.EndsWith("VARDAG", j.Legs[0].TripId.Split('-')[1], StringComparison.Ordinal));
    }

    [Fact]
    public void KalmarToNybroByTrainIsValidInTwoZones()
    {
        var train = Index.FindJourneys(KalmarC, Nybro, Monday, new TimeOnly(8, 0)).First(j => j.Legs[0].RouteName == "Kustpilen");

        Assert.Equal(["101", "131"], train.Zones);
        Assert.Equal("T1-VARDAG-0-0840", train.Legs[0].TripId);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 8, 40, 0, TimeSpan.FromHours(1)), train.Departure);
    }

    [Fact]
    public void KalmarToNybroByBusPassesTrekantensZone()
    {
        var bus = Index.FindJourneys(KalmarC, Nybro, Monday, new TimeOnly(6, 0), 20).First(j => j.Legs[0].RouteName == "110");

        Assert.Equal(["101", "105", "131"], bus.Zones);
    }

    [Fact]
    public void NybroToBorgholmChangesAtKalmarC()
    {
        var journeys = Index.FindJourneys(Nybro, Borgholm, Monday, new TimeOnly(7, 0));

        // The bus 110 also meets the 101 at Kalmar Stortorget, a valid change too; the train's is at Kalmar C.
        Assert.Contains(journeys, j => j.Legs[0].RouteName == "Kustpilen" && j.Legs[0].To.Id == KalmarC);
        Assert.All(journeys, j =>
        {
            Assert.Equal(1, j.Changes);
            Assert.Equal(j.Legs[0].To, j.Legs[1].From);
            Assert.True(j.Legs[1].Departure - j.Legs[0].Arrival >= Index.MinimumChange);
            Assert.Equal("131", j.Zones[0]);
            Assert.Equal("121", j.Zones[^1]);
        });
    }

    [Fact]
    public void BodaToKostaNeedsMoreThanOneChangeSoFindsNothing() =>
        Assert.Empty(Index.FindJourneys(Boda, Kosta, Monday, new TimeOnly(6, 0)));

    [Fact]
    public void WeekendUsesTheWeekendService()
    {
        var journeys = Index.FindJourneys(KalmarC, Nybro, Saturday, new TimeOnly(6, 0));

        Assert.NotEmpty(journeys);
        Assert.All(journeys, j => Assert.All(j.Legs, leg => Assert.Contains("-HELG-", leg.TripId, StringComparison.Ordinal)));
    }

    [Fact]
    public void NoDeparturesLeftLateInTheEvening() =>
        Assert.Empty(Index.FindJourneys(KalmarC, Nybro, Monday, new TimeOnly(23, 59)));

    [Theory]
    [InlineData("nope", Nybro)]
    [InlineData(KalmarC, KalmarC)]
    public void UnknownOrSameStopGivesNothing(string from, string to) =>
        Assert.Empty(Index.FindJourneys(from, to, Monday, new TimeOnly(8, 0)));

    [Fact]
    public void JourneyIdRoundTripsThroughTryResolve()
    {
        var found = Index.FindJourneys(Nybro, Borgholm, Monday, new TimeOnly(7, 0))[0];

        Assert.True(Index.TryResolve(found.Id, out var resolved));
        Assert.Equal(found.Id, resolved.Id);
        Assert.Equal(found.Departure, resolved.Departure);
        Assert.Equal(found.Arrival, resolved.Arrival);
        Assert.Equal(found.Zones, resolved.Zones);
        Assert.Equal(found.Legs, resolved.Legs);
        Assert.StartsWith("20260302|", found.Id, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("20260302")]
    [InlineData("20260302|T1-VARDAG-0-0840:1")]
    [InlineData("20260302|T1-VARDAG-0-0840:2:1")]
    [InlineData("20260302|T1-VARDAG-0-0840:1:99")]
    [InlineData("20260307|T1-VARDAG-0-0840:1:2")]
    [InlineData("2026-03-02|T1-VARDAG-0-0840:1:2")]
    [InlineData("20260302|NOPE:1:2")]
    public void ForgedOrStaleJourneyIdDoesNotResolve(string? id) => Assert.False(Index.TryResolve(id, out _));

    [Fact]
    public void ChangeAtAnotherStopThanTheArrivalDoesNotResolve()
    {
        var direct = Index.FindJourneys(KalmarC, Nybro, Monday, new TimeOnly(8, 0)).First(j => j.Changes == 0);
        var borgholm = Index.FindJourneys(KalmarC, Borgholm, Monday, new TimeOnly(10, 0)).First(j => j.Changes == 0);

        Assert.False(Index.TryResolve($"{direct.Id}|{borgholm.Id.Split('|')[1]}", out _));
    }
}
