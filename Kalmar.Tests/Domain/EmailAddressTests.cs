using Kalmar.Contracts.Domain;

namespace Kalmar.Tests.Domain;

public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("anna.svensson@foretag.se", "anna.svensson@foretag.se")]
    [InlineData("  Anna.Svensson@Företag.SE ", "anna.svensson@företag.se")]
    [InlineData("a+resor@kalmar.lan.se", "a+resor@kalmar.lan.se")]
    public void AddressIsTrimmedAndLowerCased(string input, string expected)
    {
        Assert.True(EmailAddress.TryParse(input, out var email, out var error), error);
        Assert.Equal(expected, email.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("anna")]
    [InlineData("anna@")]
    [InlineData("anna@foretag")]
    [InlineData("anna@.se")]
    [InlineData("anna@foretag.")]
    [InlineData("anna svensson@foretag.se")]
    [InlineData("Anna <anna@foretag.se>")]
    [InlineData("anna@@foretag.se")]
    public void MalformedAddressIsRefused(string? input)
    {
        Assert.False(EmailAddress.TryParse(input, out _, out var error));
        Assert.Equal(EmailAddress.Error, error);
    }
}
