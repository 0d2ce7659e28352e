using Kalmar.Contracts.Domain;

namespace Kalmar.Tests.Domain;

public sealed class OneTimeCodesTests
{
    [Theory]
    [InlineData("klt-7QX2M9PA")]
    [InlineData("klt-7qx2m9pa")]
    [InlineData("KLT-7QX2M9PA")]
    [InlineData("  Klt-7qX2m9Pa \n")]
    public void UsernameTypedInAnyCaseNormalizesToTheIssuedForm(string typed) =>
        Assert.Equal("klt-7QX2M9PA", OneTimeCodes.NormalizeUsername(typed));

    [Fact]
    public void NewUsernameIsAlreadyNormal()
    {
        var username = OneTimeCodes.NewUsername();

        Assert.Equal(username, OneTimeCodes.NormalizeUsername(username));
    }
}
