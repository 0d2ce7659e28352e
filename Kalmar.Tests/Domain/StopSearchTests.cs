namespace Kalmar.Tests.Domain;

public sealed class StopSearchTests(ShippedFeedFixture shipped) : IClassFixture<ShippedFeedFixture>
{
    [Fact]
    public void StartOfANameFindsItsStopsBusiestFirst()
    {
        var names = shipped.Index.Search("kalm", 10).Select(s => s.Name).ToList();

        Assert.Equal("Kalmar C", names[0]);
        Assert.All(names.Take(6), name => Assert.StartsWith("Kalmar", name, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("farjestaden", "Färjestaden")]
    [InlineData("FÄRJESTADEN", "Färjestaden")]
    [InlineData("Västerv", "Västervik resecentrum")]
    [InlineData("vasterv", "Västervik resecentrum")]
    [InlineData("nybro st", "Nybro station")]
    public void MatchIgnoresCaseAndDiacritics(string query, string first) =>
        Assert.Equal(first, shipped.Index.Search(query, 5)[0].Name);

    [Fact]
    public void StartOfAWordComesBeforeAnywhereInAName()
    {
        var names = shipped.Index.Search("station", 20).Select(s => s.Name).ToList();

        Assert.Contains("Nybro station", names);
        Assert.All(names, name => Assert.Contains("station", name, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void NameStartBeatsAWordStartInside()
    {
        var names = shipped.Index.Search("ster", 20).Select(s => s.Name).ToList();

        // "Mönsterås" has "ster" inside a word only; no name starts with it, so word starts lead.
        Assert.True(names.IndexOf("Alsterbro") > -1);
        Assert.True(names.IndexOf("Mönsterås busstation") > -1);
    }

    [Theory]
    [InlineData("Stockholm")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void NoMatchGivesNothing(string? query) => Assert.Empty(shipped.Index.Search(query, 10));

    [Fact]
    public void MaxLimitsTheResults() => Assert.Equal(2, shipped.Index.Search("a", 2).Count);
}
