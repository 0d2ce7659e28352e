using System.Net;
using System.Text.RegularExpressions;
using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Model;
using Kalmar.Silo.DemoData;
using Kalmar.Tests.Fixtures;

namespace Kalmar.Tests.Web;

[Collection(PortalCollection.Name)]
public sealed class TravellerAdminPageTests(PortalFixture portal)
{
    [Fact]
    public async Task SearchFindsATravellerByNameAndByEmployeeNumber()
    {
        var lastName = UniqueName();
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client, firstName: "Sökbar", lastName: lastName);
        var employeeNumber = $"A{Guid.NewGuid():N}"[..12];
        await portal.Cluster.Client.GetGrain<IUserGrain>(traveller.Id)
            .EditAsync(new TravellerEdit(null, null, null, null, employeeNumber), new Actor(DemoAccounts.Anna, "Anna Andersson"));
        using var browser = await AdminBrowserAsync(Demo.Anna);

        var byName = await TextAsync(browser, $"/admin/resenarer?q=Sökbar+{lastName}");
        var byNumber = await TextAsync(browser, $"/admin/resenarer?q={employeeNumber}");

        Assert.Contains($"href=\"/admin/resenarer/{traveller.Id}\"", byName, StringComparison.Ordinal);
        Assert.Contains("1 resenär", byName, StringComparison.Ordinal);
        Assert.Contains($"href=\"/admin/resenarer/{traveller.Id}\"", byNumber, StringComparison.Ordinal);
        Assert.Contains(employeeNumber, byNumber, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PagingShowsCountsAndKeepsTheFiltersInItsLinks()
    {
        var lastName = UniqueName();
        await Task.WhenAll(Enumerable.Range(0, 51).Select(_ => Travellers.CreateAsync(portal.Cluster.Client, lastName: lastName)));
        using var browser = await AdminBrowserAsync(Demo.Anna);

        var first = await TextAsync(browser, $"/admin/resenarer?q={lastName}&status=active");
        var second = await TextAsync(browser, $"/admin/resenarer?q={lastName}&status=active&sida=2");

        Assert.Contains("1–50 av 51 resenärer", first, StringComparison.Ordinal);
        Assert.Equal(50, Regex.Count(first, "<tr data-traveller-id="));
        Assert.Contains($"href=\"/admin/resenarer?q={lastName}&status=active&sida=2#resultat\" rel=\"next\">Nästa", first, StringComparison.Ordinal);
        Assert.Contains("51–51 av 51 resenärer", second, StringComparison.Ordinal);
        Assert.Equal(1, Regex.Count(second, "<tr data-traveller-id="));
        Assert.Contains($"href=\"/admin/resenarer?q={lastName}&status=active#resultat\" rel=\"prev\">Föregående", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddingWithABadEmailShowsTheSwedishFieldErrorAndAddsNobody()
    {
        var lastName = UniqueName();
        using var browser = await AdminBrowserAsync(Demo.Anna);
        using var added = await AddTravellerAsync(browser, "Felaktig", lastName, "inte-en-adress", DemoAccounts.Avdelning21, employeeNumber: "");
        var page = WebUtility.HtmlDecode(await added.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Contains($"<p class=\"field-error\" id=\"email-fel\">{EmailAddress.Error}</p>", page, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\" aria-describedby=\"email-tips email-fel\"", page, StringComparison.Ordinal);
        Assert.Contains("Ingen resenär har lagts till.", page, StringComparison.Ordinal);
        Assert.Contains("Inga resenärer matchar sökningen.", await TextAsync(browser, $"/admin/resenarer?q={lastName}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddingAValidTravellerOpensTheirPageAsInvited()
    {
        var lastName = UniqueName();
        using var browser = await AdminBrowserAsync(Demo.Anna);
        using var added = await AddTravellerAsync(browser, "Ny", lastName, $"{lastName}@example.se", DemoAccounts.Ekonomi, employeeNumber: "E-1");
        var page = WebUtility.HtmlDecode(await added.Content.ReadAsStringAsync());

        Assert.Matches("/admin/resenarer/[0-9a-f-]{36}$", added.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains($"Ny {lastName} är tillagd.", page, StringComparison.Ordinal);
        Assert.Contains("Skicka ny inbjudan", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DepartmentAdminGetsNotFoundForATravellerInEkonomi()
    {
        var own = await Travellers.CreateAsync(portal.Cluster.Client);
        var other = await Travellers.CreateAsync(portal.Cluster.Client, departmentId: DemoAccounts.Ekonomi);
        using var browser = await AdminBrowserAsync(Demo.Dan);

        using var outside = await browser.GetAsync($"/admin/resenarer/{other.Id}");
        using var inside = await browser.GetAsync($"/admin/resenarer/{own.Id}");
        var token = await PageForms.TokenAsync(inside);
        using var deactivate = await browser.PostAsync($"/admin/resenarer/{other.Id}?handler=Deactivate", PageForms.Form(token));

        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deactivate.StatusCode);
        Assert.True((await portal.Cluster.Client.GetGrain<IUserGrain>(other.Id).GetAsync())!.Active);
        Assert.DoesNotContain("id=\"roller-rubrik\"", await inside.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MovingATravellerChangesTheDepartmentShownAndTheHistorySaysSo()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client, lastName: UniqueName());
        using var browser = await AdminBrowserAsync(Demo.Anna);
        var token = await PageForms.TokenAsync(await browser.GetAsync($"/admin/resenarer/{traveller.Id}"));

        using var moved = await browser.PostAsync($"/admin/resenarer/{traveller.Id}?handler=Edit", PageForms.Form(token,
            ("firstName", "Test"), ("lastName", traveller.Name[5..]), ("mobile", "070-111 22 33"), ("employeeNumber", ""),
            ("departmentId", DemoAccounts.Ekonomi.ToString())));
        var page = Regex.Replace(WebUtility.HtmlDecode(await moved.Content.ReadAsStringAsync()), @"\s+", " ");

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Contains($"role=\"status\">Uppgifterna är sparade. {traveller.Name} tillhör Ekonomi.", page, StringComparison.Ordinal);
        Assert.Contains("</span> · Ekonomi ·", page, StringComparison.Ordinal);
        Assert.Contains("Resenär flyttad", page, StringComparison.Ordinal);
        Assert.Contains("Avdelning: Avdelning 21 → Ekonomi", page, StringComparison.Ordinal);
        Assert.Equal(DemoAccounts.Ekonomi, (await portal.Cluster.Client.GetGrain<IUserGrain>(traveller.Id).GetAsync())!.DepartmentId);
    }

    [Fact]
    public async Task DeactivationViaThePageAsksFirstThenMakesTheTravellerInactive()
    {
        var traveller = await Travellers.CreateAsync(portal.Cluster.Client);
        using var browser = await AdminBrowserAsync(Demo.Anna);

        var confirming = await browser.GetAsync($"/admin/resenarer/{traveller.Id}?bekrafta=avaktivera");
        var confirmation = WebUtility.HtmlDecode(await confirming.Content.ReadAsStringAsync());
        var token = await PageForms.TokenAsync(confirming);
        using var deactivated = await browser.PostAsync($"/admin/resenarer/{traveller.Id}?handler=Deactivate", PageForms.Form(token));
        var page = WebUtility.HtmlDecode(await deactivated.Content.ReadAsStringAsync());

        Assert.Contains("Ja, avaktivera", confirmation, StringComparison.Ordinal);
        Assert.Contains("Väntande beställningar återkallas.", confirmation, StringComparison.Ordinal);
        Assert.Contains($"role=\"status\">{traveller.Name} är avaktiverad", page, StringComparison.Ordinal);
        Assert.Contains("Återaktivera", page, StringComparison.Ordinal);
        Assert.False((await portal.Cluster.Client.GetGrain<IUserGrain>(traveller.Id).GetAsync())!.Active);
        Assert.Contains("data-status=\"inactive\"", await TextAsync(browser, $"/admin/resenarer?q={traveller.Email}&status=inactive"), StringComparison.Ordinal);
    }

    private static string UniqueName() => $"Test{Guid.NewGuid():N}"[..16];

    private static async Task<string> TextAsync(HttpClient browser, string path)
    {
        using var response = await browser.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Sends the Resenärer page's form for a new traveller, with the mobile number every test here gives.</summary>
    private static async Task<HttpResponseMessage> AddTravellerAsync(
        HttpClient browser, string firstName, string lastName, string email, Guid departmentId, string employeeNumber)
    {
        var token = await PageForms.TokenAsync(await browser.GetAsync("/admin/resenarer"));
        return await browser.PostAsync("/admin/resenarer?handler=Add", PageForms.Form(token,
            ("firstName", firstName), ("lastName", lastName), ("email", email), ("mobile", "070-111 22 33"),
            ("departmentId", departmentId.ToString()), ("employeeNumber", employeeNumber)));
    }

    private async Task<HttpClient> AdminBrowserAsync(string email)
    {
        await Terms.AcceptAsync(portal.WebA, email, Demo.AdminPassword);
        var browser = portal.WebA.CreateClient();
        (await browser.PostLoginAsync(email, Demo.AdminPassword)).Dispose();
        return browser;
    }
}
