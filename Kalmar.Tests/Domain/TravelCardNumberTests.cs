using Kalmar.Contracts.Domain;

namespace Kalmar.Tests.Domain;

public sealed class TravelCardNumberTests
{
    [Theory]
    [InlineData("1234567897")]
    [InlineData("1234 5678 97")]
    [InlineData(" 12345 67897 ")]
    public void TenDigitsWithALuhnCheckDigitAreAccepted(string input)
    {
        Assert.True(TravelCardNumber.TryParse(input, out var card, out var error), error);
        Assert.Equal("1234567897", card.Value);
    }

    [Fact]
    public void WrongCheckDigitIsRefused()
    {
        Assert.False(TravelCardNumber.TryParse("1234567890", out _, out var error));
        Assert.Equal(TravelCardNumber.CheckDigitError, error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("123456789")]
    [InlineData("12345678970")]
    [InlineData("1234-5678-97")]
    [InlineData("abcdefghij")]
    public void AnythingButTenDigitsIsRefused(string? input)
    {
        Assert.False(TravelCardNumber.TryParse(input, out _, out var error));
        Assert.Equal(TravelCardNumber.Error, error);
    }
}
