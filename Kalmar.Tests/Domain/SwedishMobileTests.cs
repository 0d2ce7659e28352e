using Kalmar.Contracts.Domain;

namespace Kalmar.Tests.Domain;

public sealed class SwedishMobileTests
{
    [Theory]
    [InlineData("070-655 56 11")]
    [InlineData("0706555611")]
    [InlineData("+46706555611")]
    [InlineData("+46 70 655 56 11")]
    [InlineData("0046706555611")]
    [InlineData("+46 (0)70-655 56 11")]
    [InlineData(" 070 - 655 56 11 ")]
    public void MobileNumberIsStoredAsE164(string input)
    {
        Assert.True(SwedishMobile.TryParse(input, out var mobile, out var error), error);
        Assert.Equal("+46706555611", mobile.E164);
        Assert.Equal("070-655 56 11", mobile.Display);
    }

    [Theory]
    [InlineData("072-123 45 67", "+46721234567")]
    [InlineData("073-123 45 67", "+46731234567")]
    [InlineData("076-123 45 67", "+46761234567")]
    [InlineData("079-123 45 67", "+46791234567")]
    public void EveryMobileSeriesIsAccepted(string input, string e164)
    {
        Assert.True(SwedishMobile.TryParse(input, out var mobile, out _));
        Assert.Equal(e164, mobile.E164);
    }

    [Theory]
    [InlineData("08-123 456 78")] // Stockholm landline
    [InlineData("0480-123 45")] // Kalmar landline
    [InlineData("071-123 45 67")] // machine-to-machine
    [InlineData("074-123 45 67")]
    [InlineData("075-123 45 67")]
    [InlineData("077-123 45 67")]
    [InlineData("078-123 45 67")]
    public void NumberOutsideTheMobileSeriesIsRefused(string input)
    {
        Assert.False(SwedishMobile.TryParse(input, out _, out var error));
        Assert.Equal(SwedishMobile.Error, error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("hej")]
    [InlineData("070-655 56 1")]
    [InlineData("070-655 56 111")]
    [InlineData("+4570655561")]
    [InlineData("706555611")]
    [InlineData("070-655 5x 11")]
    public void GarbageIsRefused(string? input) => Assert.False(SwedishMobile.TryParse(input, out _, out _));
}
