using System.Net;
using Kalmar.Tests.Fixtures;
using Kalmar.Web.Commands;

namespace Kalmar.Tests.Web;

/// <summary>
/// Production has no demo users: its first operator comes from <c>dotnet Kalmar.Web.dll create-operator</c>, with a
/// password read from standard input and held to the password policy, never a default one.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class CreateOperatorTests(PortalFixture portal)
{
    private const string Password = "Forsta-operatoren-2026";

    [Fact]
    public async Task TheCreatedOperatorSignsInWithThePasswordFromStandardInput()
    {
        var email = $"operator-{Guid.NewGuid():N}@klt.example.se";
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var user = CreateOperatorCommand.Read(["--email", email, "--first-name", "Otto", "--last-name", "Ek"], () => Password, errors);
        var exit = await CreateOperatorCommand.CreateAsync(portal.Cluster.Client, user!, output, errors);
        using var signedIn = await portal.WebA.SignedInClientAsync(email, Password);
        using var customers = await signedIn.GetAsync("/api/operator/companies");

        Assert.Equal(0, exit);
        Assert.Contains(email, output.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, customers.StatusCode);
    }

    [Theory]
    [InlineData(null)] // standard input closed: there is no default password
    [InlineData("")]
    [InlineData("kort-2026")]
    public void AMissingOrWeakPasswordIsRefused(string? password)
    {
        using var errors = new StringWriter();

        var user = CreateOperatorCommand.Read(["--email", "ny@klt.example.se", "--first-name", "Otto", "--last-name", "Ek"], () => password, errors);

        Assert.Null(user);
        Assert.Contains("Lösenordet", errors.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--email", "ny@klt.example.se", "--first-name", "Otto")]
    [InlineData("--email", "ny@klt.example.se", "--first-name", "Otto", "--last-name", "")]
    [InlineData("--email", "ny@klt.example.se", "--first-name", "Otto", "--password", "Forsta-operatoren-2026")]
    [InlineData("--email", "inte-en-adress", "--first-name", "Otto", "--last-name", "Ek")]
    public void WrongArgumentsAreRefusedBeforeThePasswordIsAskedFor(params string[] options)
    {
        using var errors = new StringWriter();
        var asked = false;

        var user = CreateOperatorCommand.Read(options, () =>
        {
            asked = true;
            return Password;
        }, errors);

        Assert.Null(user);
        Assert.False(asked);
        Assert.NotEmpty(errors.ToString());
    }

    [Fact]
    public async Task AnAddressInUseIsRefusedAndItsUserKeepsTheirPassword()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        using var output = new StringWriter();
        using var errors = new StringWriter();

        var user = CreateOperatorCommand.Read(["--email", traveller.Email, "--first-name", "Otto", "--last-name", "Ek"], () => Password, errors);
        var exit = await CreateOperatorCommand.CreateAsync(portal.Cluster.Client, user!, output, errors);
        using var withNewPassword = await portal.WebA.CreateClient().PostLoginAsync(traveller.Email, Password);
        using var withOwnPassword = await portal.WebA.CreateClient().PostLoginAsync(traveller.Email, Travellers.Password);

        Assert.Equal(1, exit);
        Assert.Contains("används redan", errors.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, withNewPassword.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withOwnPassword.StatusCode);
    }
}
