using System.Net;
using System.Text.RegularExpressions;
using Kalmar.Contracts.Domain;
using Kalmar.Silo.DemoData;
using Kalmar.Tests.Fixtures;

namespace Kalmar.Tests.Web;

/// <summary>Kunder, Avdelningar, Händelselogg and the invitation page, as a browser without JavaScript uses them.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class OnboardingPageTests(PortalFixture portal)
{
    private const string Olle = "olle@klt.example.se";

    [Fact]
    public async Task OperatorCreatesACustomerAndItsFirstAdminGetsAnInvitation()
    {
        using var olle = await SignedInAsync(Olle, DemoAccounts.OperatorPassword);
        var (name, email) = ($"Nybro Bygg {Guid.NewGuid():N}"[..20] + " AB", $"admin-{Guid.NewGuid():N}@nybrobygg.example.se");

        using var start = await olle.GetAsync("/");
        var created = await TextAsync(await CreateCustomerAsync(olle, name, NewOrgNumber(), email));
        var invitation = (await OutboxReader.ToAsync(portal.Cluster, email)).Single();

        Assert.Equal("/operator/kunder", start.RequestMessage?.RequestUri?.AbsolutePath);
        Assert.Contains($"{name} är skapat. En inbjudan har skickats till {email}.", created, StringComparison.Ordinal);
        Assert.Contains("role=\"status\"", created, StringComparison.Ordinal);
        Assert.Contains($">{name}</a>", created, StringComparison.Ordinal);
        Assert.Equal("Välkommen till Företagsportalen", invitation.Subject);
        Assert.Matches(InvitationLink(), invitation.Body);
    }

    [Fact]
    public async Task BadOrganisationNumberShowsTheSwedishErrorAndCreatesNothing()
    {
        using var olle = await SignedInAsync(Olle, DemoAccounts.OperatorPassword);
        var (name, email) = ($"Fel Nummer {Guid.NewGuid():N} AB", $"admin-{Guid.NewGuid():N}@example.se");

        using var refused = await CreateCustomerAsync(olle, name, "556677-8898", email);
        var html = await TextAsync(refused);
        var search = await TextAsync(await olle.GetAsync($"/operator/kunder?q={Uri.EscapeDataString(name)}"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(OrganisationNumber.Error, html, StringComparison.Ordinal);
        Assert.Matches(InvalidOrgNumber(), html);
        Assert.Contains($"value=\"{name}\"", html, StringComparison.Ordinal);
        Assert.Contains("Inga företag matchar sökningen.", search, StringComparison.Ordinal);
        Assert.Empty(await OutboxReader.ToAsync(portal.Cluster, email));
    }

    [Fact]
    public async Task CompanyAdminCreatesAndDeletesADepartmentButNotOneWithTravellers()
    {
        using var anna = await SignedInAsync(Demo.Anna, Demo.AdminPassword);
        var name = $"Avd {Guid.NewGuid():N}"[..16];
        var token = await PageForms.TokenAsync(await anna.GetAsync("/admin/avdelningar"));

        var created = await TextAsync(await anna.PostAsync("/admin/avdelningar?handler=Create",
            PageForms.Form(token, ("new.name", name), ("new.reference", $"REF-{name}"), ("new.costCentre", ""))));
        var id = Regex.Match(created, $"data-department-id=\"(?<id>[0-9a-f-]+)\">\\s*<th scope=\"row\" data-label=\"Namn\">{name}</th>").Groups["id"].Value;
        var notEmpty = await TextAsync(await anna.PostAsync($"/admin/avdelningar?handler=Delete&id={DemoAccounts.Avdelning21}", PageForms.Form(token)));
        var deleted = await TextAsync(await anna.PostAsync($"/admin/avdelningar?handler=Delete&id={id}", PageForms.Form(token)));
        var log = await TextAsync(await anna.GetAsync("/admin/handelselogg?action=department-deleted"));

        Assert.Contains($"Avdelningen {name} är skapad.", created, StringComparison.Ordinal);
        Assert.NotEmpty(id);
        Assert.Contains("Avdelningen har resenärer. Flytta dem till en annan avdelning först.", notEmpty, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", notEmpty, StringComparison.Ordinal);
        Assert.Contains(">Avdelning 21</th>", notEmpty, StringComparison.Ordinal);
        Assert.Contains($"Avdelningen {name} är borttagen.", deleted, StringComparison.Ordinal);
        Assert.DoesNotContain($">{name}</th>", deleted, StringComparison.Ordinal);
        Assert.Contains($"Namn: {name} → –", log, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/admin/audit.csv?action=department-deleted\"", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TravellerIsForbiddenKunderAndAvdelningar()
    {
        using var emmy = await SignedInAsync(Demo.Emmy, Demo.TravellerPassword);

        using var kunder = await emmy.GetAsync("/operator/kunder");
        using var avdelningar = await emmy.GetAsync("/admin/avdelningar");

        Assert.Equal(HttpStatusCode.Forbidden, kunder.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, avdelningar.StatusCode);
    }

    [Fact]
    public async Task InvitationWithAWrongCodeShowsTheSwedishMessage()
    {
        using var anonymous = portal.WebA.CreateClient();

        using var page = await anonymous.GetAsync($"/inbjudan?user={Guid.NewGuid():N}&token=fel-kod");
        var html = await TextAsync(page);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Inbjudningslänken gäller inte längre. Be din administratör skicka en ny inbjudan.", html, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"newPassword\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvitationLinkSetsThePasswordSignsInAndLandsOnGodkannVillkor()
    {
        using var olle = await SignedInAsync(Olle, DemoAccounts.OperatorPassword);
        var email = $"admin-{Guid.NewGuid():N}@example.se";
        (await CreateCustomerAsync(olle, $"Inbjudan {Guid.NewGuid():N}"[..20] + " AB", NewOrgNumber(), email)).Dispose();
        var link = new Uri(WebUtility.HtmlDecode(InvitationLink().Match((await OutboxReader.ToAsync(portal.Cluster, email)).Single().Body).Value));
        using var browser = portal.WebA.CreateClient(new() { AllowAutoRedirect = false });

        using var page = await browser.GetAsync(link.PathAndQuery);
        var token = await PageForms.TokenAsync(page);
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        var fields = new[] { ("user", query["user"]!), ("token", query["token"]!) };
        using var mismatch = await browser.PostAsync("/inbjudan", PageForms.Form(token, [.. fields, ("newPassword", "Inbjuden-2026"), ("confirmPassword", "Annat-2026")]));
        using var accepted = await browser.PostAsync("/inbjudan", PageForms.Form(token, [.. fields, ("newPassword", "Inbjuden-2026"), ("confirmPassword", "Inbjuden-2026")]));
        using var start = await browser.GetAsync("/");
        using var terms = await browser.GetAsync(start.Headers.Location);

        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("Välj lösenord", await TextAsync(page), StringComparison.Ordinal);
        Assert.Contains("Lösenorden stämmer inte överens.", await TextAsync(mismatch), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("/", accepted.Headers.Location?.OriginalString);
        Assert.Equal("/godkann-villkor?returnUrl=%2F", start.Headers.Location?.OriginalString);
        Assert.Contains("Jag har läst och godkänner Integritetspolicy och Allmänna villkor", await TextAsync(terms), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> CreateCustomerAsync(HttpClient operatorBrowser, string name, string orgNumber, string adminEmail)
    {
        var token = await PageForms.TokenAsync(await operatorBrowser.GetAsync("/operator/kunder"));
        return await operatorBrowser.PostAsync("/operator/kunder?handler=Create", PageForms.Form(token,
            ("company.name", name), ("company.orgNumber", orgNumber), ("company.invoiceEmail", "faktura@nybrobygg.example.se"),
            ("company.street", "Storgatan 1"), ("company.postalCode", "382 30"), ("company.city", "Nybro"),
            ("company.staffOfferAvailable", "true"), ("company.maxMonthlyLimit", "1 500"),
            ("admin.firstName", "Nora"), ("admin.lastName", "Nybro"), ("admin.email", adminEmail), ("admin.mobile", "070-123 45 67")));
    }

    /// <summary>A browser signed in with the portal's cookie, the terms accepted, that follows redirects.</summary>
    private async Task<HttpClient> SignedInAsync(string email, string password)
    {
        await Terms.AcceptAsync(portal.WebA, email, password);
        var browser = portal.WebA.CreateClient();
        (await browser.PostLoginAsync(email, password)).EnsureSuccessStatusCode();
        return browser;
    }

    /// <summary>An organisation number no test has used: nine random digits and the Luhn check digit.</summary>
    private static string NewOrgNumber()
    {
        var body = "55" + Random.Shared.Next(0, 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
        var digits = Enumerable.Range(0, 10).Select(check => body + check).First(candidate => Luhn.IsValid(candidate));
        return $"{digits[..6]}-{digits[6..]}";
    }

    private static async Task<string> TextAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [GeneratedRegex(@"http://[^\s""<]+/inbjudan\?user=[0-9a-f]{32}&(amp;)?token=[A-Za-z0-9_\-]+")]
    private static partial Regex InvitationLink();

    [GeneratedRegex("id=\"orgNumber\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"orgNumber-tips orgNumber-fel\"")]
    private static partial Regex InvalidOrgNumber();
}
