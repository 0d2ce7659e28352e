using Kalmar.Contracts.Domain;

namespace Kalmar.Tests.Domain;

public sealed class InvoiceOcrTests
{
    [Theory]
    [InlineData("202600001", "20260000110")]
    [InlineData("202712345", "20271234518")]
    public void TheReferenceIsTheNumberALengthDigitAndALuhnCheckDigit(string number, string expected)
    {
        var ocr = InvoiceOcr.For(number);

        Assert.Equal(expected, ocr);
        Assert.True(InvoiceOcr.IsValid(ocr));
        Assert.True(Luhn.IsValid(ocr));
    }

    [Theory]
    [InlineData("20260000111")] // wrong check digit
    [InlineData("2026000010")]  // a digit dropped: the length digit no longer matches
    [InlineData("abc")]
    public void AMistypedReferenceIsRefused(string ocr) => Assert.False(InvoiceOcr.IsValid(ocr));

    [Theory]
    [InlineData("2026-03", true)]
    [InlineData("2026-13", false)]
    [InlineData("abc", false)]
    [InlineData("2026-3", false)]
    public void MonthsAreYearDashMonth(string month, bool valid) => Assert.Equal(valid, InvoiceMonth.IsValid(month));

    [Fact]
    public void TheSellersOrganisationNumberChecksOut() => Assert.True(Luhn.IsValid(InvoiceSeller.OrgNumber.Replace("-", "")));
}
