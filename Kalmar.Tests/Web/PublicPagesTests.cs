using System.Net;
using Kalmar.Tests.Fixtures;

namespace Kalmar.Tests.Web;

[Collection(PortalCollection.Name)]
public sealed class PublicPagesTests(PortalFixture portal)
{
    [Theory]
    [InlineData("/integritetspolicy", "<h1>Integritetspolicy</h1>")]
    [InlineData("/allmanna-villkor", "<h1>Allmänna villkor</h1>")]
    public async Task TermsAndPrivacyAreReadableWithoutSigningIn(string path, string heading)
    {
        using var anonymous = portal.WebA.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(heading, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Logga ut", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherPagesStillNeedSigningIn()
    {
        using var anonymous = portal.WebA.CreateClient(new() { AllowAutoRedirect = false });

        using var support = await anonymous.GetAsync("/support");

        Assert.Equal(HttpStatusCode.Redirect, support.StatusCode);
    }
}
