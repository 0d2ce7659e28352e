using Kalmar.Contracts.Domain;

namespace Kalmar.Tests.Domain;

public sealed class VatTests
{
    [Fact]
    public void VatOn117KronorIs702Ore()
    {
        var price = Vat.Breakdown(11700);

        Assert.Equal(new PriceBreakdown(11700, 702, 12402), price);
        Assert.Equal("124,02 kr", Money.ToKronor(price.TotalOre));
    }

    [Theory]
    [InlineData(25, 2)] // 1,5 öre rounds up
    [InlineData(24, 1)] // 1,44 öre rounds down
    [InlineData(75, 5)] // 4,5 öre rounds up
    [InlineData(-25, -2)] // away from zero, so a refund mirrors its sale
    [InlineData(0, 0)]
    public void VatIsRoundedHalfAwayFromZeroInÖre(long exclVat, long vat) => Assert.Equal(vat, Vat.On(exclVat));

    [Fact]
    public void TotalVatIsTheSumOfEachLinesVat()
    {
        // Each line: 25 öre → 1,5 → 2 öre. VAT on the sum (75 öre → 4,5) would give 5 öre.
        var total = Vat.Sum([Vat.Breakdown(25), Vat.Breakdown(25), Vat.Breakdown(25)]);

        Assert.Equal(new PriceBreakdown(75, 6, 81), total);
    }

    [Fact]
    public void SumOfNoLinesIsZero() => Assert.Equal(PriceBreakdown.Zero, Vat.Sum([]));

    [Fact]
    public void QuantityIsOneLineWhoseVatIsRoundedOnce() =>
        Assert.Equal(new PriceBreakdown(75, 5, 80), Vat.Breakdown(25).Times(3));
}
