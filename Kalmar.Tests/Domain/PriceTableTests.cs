using Kalmar.Contracts.Domain;
using Kalmar.Grains.Fares;

namespace Kalmar.Tests.Domain;

public sealed class PriceTableTests
{
    private static readonly PriceTable Table = PriceTable.Load(ShippedData.Fares);

    [Fact]
    public void EnkelOneZoneVuxenIs35KronorExclVat()
    {
        var quote = Table.Quote("enkel", "vuxen", 1);

        Assert.Equal(new PriceBreakdown(3500, 210, 3710), quote.Price);
        Assert.False(quote.WholeCounty);
    }

    [Fact]
    public void EnkelOverTwelveZonesCostsTheTenZonePrice()
    {
        var quote = Table.Quote("enkel", "vuxen", 12);

        Assert.Equal(Table.Quote("enkel", "vuxen", 10).Price, quote.Price);
        Assert.Equal(10, quote.PricedZones);
        Assert.Equal(12, quote.Zones);
        Assert.True(quote.WholeCounty);
    }

    [Fact]
    public void ThirtyDaysOverSevenZonesCostsTheFiveZonePrice()
    {
        var quote = Table.Quote("30d", "vuxen", 7);

        Assert.Equal(Table.Quote("30d", "vuxen", 5).Price, quote.Price);
        Assert.Equal(160000, quote.Price.ExclVatOre);
        Assert.True(quote.WholeCounty);
    }

    [Theory]
    [InlineData("vuxen")]
    [InlineData("ungdom")]
    [InlineData("student")]
    [InlineData("senior")]
    public void YearTicketCostsTenThirtyDayTickets(string category)
    {
        for (var zones = 1; zones <= 5; zones++)
        {
            Assert.Equal(
                10 * Table.Quote("30d", category, zones).Price.ExclVatOre,
                Table.Quote("365d", category, zones).Price.ExclVatOre);
        }
    }

    [Fact]
    public void CategoriesPayTheirShareOfTheAdultPrice()
    {
        var adult = Table.Quote("30d", "vuxen", 1).Price.ExclVatOre;

        Assert.Equal(adult * 60 / 100, Table.Quote("30d", "ungdom", 1).Price.ExclVatOre);
        Assert.Equal(adult * 75 / 100, Table.Quote("30d", "student", 1).Price.ExclVatOre);
        Assert.Equal(adult * 75 / 100, Table.Quote("30d", "senior", 1).Price.ExclVatOre);
    }

    [Fact]
    public void ProductsAndCategoriesComeInFileOrder()
    {
        Assert.Equal(["enkel", "24h", "30d", "365d"], Table.Products.Select(p => p.Id));
        Assert.Equal(["vuxen", "ungdom", "student", "senior"], Table.Categories.Select(c => c.Id));
        Assert.Equal(10, Table.Products[0].MaxZones);
        Assert.Equal(90, Table.Products[0].ValidityMinutes);
    }

    [Fact]
    public void ProductsForTwoZonesListsEveryProductAndCategory()
    {
        var quotes = Table.ProductsFor(["101", "131"]);

        Assert.Equal(16, quotes.Count);
        Assert.All(quotes, q => Assert.Equal(2, q.PricedZones));
        Assert.Equal(("enkel", "vuxen", 5000L), (quotes[0].Product.Id, quotes[0].Category.Id, quotes[0].Price.ExclVatOre));
    }

    [Fact]
    public void UnknownProductIsAClearError()
    {
        Assert.False(Table.TryQuote("dag", "vuxen", 1, out _, out var error));
        Assert.Equal("Okänd biljettyp 'dag'.", error);
        Assert.Throws<ArgumentException>(() => Table.Quote("dag", "vuxen", 1));
    }

    [Fact]
    public void UnknownCategoryIsAClearError()
    {
        Assert.False(Table.TryQuote("enkel", "barn", 1, out _, out var error));
        Assert.Equal("Okänd resenärskategori 'barn'.", error);
    }

    [Fact]
    public void ZeroZonesIsRefused()
    {
        Assert.False(Table.TryQuote("enkel", "vuxen", 0, out _, out var error));
        Assert.Equal(PriceTable.ZonesError, error);
    }

    [Fact]
    public void MissingPriceStopsTheLoad()
    {
        var folder = Directory.CreateTempSubdirectory("kalmar-fares-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(ShippedData.Fares))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            var prices = Path.Combine(folder, "prices.csv");
            File.WriteAllLines(prices, File.ReadAllLines(prices).Where(line => line != "enkel,vuxen,3,6400"));

            var error = Assert.Throws<InvalidDataException>(() => PriceTable.Load(folder));
            Assert.Equal("prices.csv: pris saknas för enkel/vuxen 3 zoner.", error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
