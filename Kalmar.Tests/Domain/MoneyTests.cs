using Kalmar.Contracts.Domain;

namespace Kalmar.Tests.Domain;

public sealed class MoneyTests
{
    [Theory]
    [InlineData(12402, "124,02 kr")]
    [InlineData(0, "0,00 kr")]
    [InlineData(5, "0,05 kr")]
    [InlineData(-500, "\u22125,00 kr")]
    [InlineData(15700000, "157\u00A0000,00 kr")]
    [InlineData(123456789012, "1\u00A0234\u00A0567\u00A0890,12 kr")]
    public void FormatsÖreAsSwedishKronor(long ore, string expected) => Assert.Equal(expected, Money.ToKronor(ore));

    [Fact]
    public void NumberHasNoCurrency() => Assert.Equal("7,02", Money.ToNumber(702));

    [Fact]
    public void NegativeAmountUsesTheMinusSignNotAHyphen() => Assert.StartsWith("\u2212", Money.ToKronor(-1), StringComparison.Ordinal);
}
