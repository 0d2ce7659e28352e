using System.Net;
using System.Text.RegularExpressions;
using Kalmar.Contracts.Domain;
using Kalmar.Silo.DemoData;
using Kalmar.Tests.Fixtures;
using Kalmar.Web.Hubs;

namespace Kalmar.Tests.Invoices;

/// <summary>The Fakturor page with the demo company: the open month per department, live to the admins, in scope.</summary>
[Collection(PortalCollection.Name)]
public sealed partial class FakturorPageTests(PortalFixture portal)
{
    private static string Month => Stockholm.MonthOf(DateTimeOffset.UtcNow);

    [Fact]
    public async Task OpenMonthIsListedWithItsDepartmentTotals()
    {
        using var buyer = await portal.ReadyToBuyAsync();
        using var bought = await buyer.Phone.BuyAsync(BusinessTrips.Purchase($"fakt-{Guid.NewGuid():N}"));
        bought.EnsureSuccessStatusCode();
        var invoice = await (await buyer.Anna.GetAsync($"/api/admin/invoices/{Month}")).ReadJsonAsync();
        var avdelning21 = invoice.GetProperty("departments").EnumerateArray().Single(d => d.GetProperty("id").GetGuid() == DemoAccounts.Avdelning21);

        var html = await PageAsync(Demo.Anna);

        Assert.Contains($"Preliminär faktura, {Stockholm.MonthName(Month)}", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/fakturor\" aria-current=\"page\"", html, StringComparison.Ordinal);
        Assert.Equal(avdelning21.GetProperty("totalOre").GetInt64(), DepartmentTotal(html, DemoAccounts.Avdelning21));
        Assert.Contains($"/api/admin/invoices/{Month}.pdf?departmentId={DemoAccounts.Avdelning21}", html, StringComparison.Ordinal);
        Assert.Contains($"/api/admin/payroll/{Month}.csv", html, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"spend-chart\"", html, StringComparison.Ordinal);
        Assert.Contains("Prognosen till månadens slut", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APurchaseSendsInvoiceChangedWithItsAmountsToACompanyAdmin()
    {
        using var buyer = await portal.ReadyToBuyAsync();
        var token = await portal.WebB.CreateClient().LoginForTokenAsync(Demo.Anna, Demo.AdminPassword);
        await using var anna = await LiveClient.ConnectAsync(portal.WebB, token, LiveEvents.InvoiceChanged);

        using var bought = await buyer.Phone.BuyAsync(BusinessTrips.Purchase($"fakt-{Guid.NewGuid():N}", zones: ["101", "131"]));
        bought.EnsureSuccessStatusCode();
        var price = (await bought.ReadJsonAsync()).GetProperty("ticket").GetProperty("priceOre").GetInt64();
        var changed = await anna.WaitForAsync(LiveEvents.InvoiceChanged, e => e.GetProperty("addedTotalOre").GetInt64() == price);

        Assert.Equal(Month, changed.GetProperty("month").GetString());
        Assert.Equal(DemoAccounts.Avdelning21, changed.GetProperty("departmentId").GetGuid());
        Assert.Equal(1, changed.GetProperty("lines").GetInt32());
        Assert.Equal(price, changed.GetProperty("addedExclVatOre").GetInt64() + changed.GetProperty("addedVatOre").GetInt64());
        Assert.Equal(Vat.On(changed.GetProperty("addedExclVatOre").GetInt64()), changed.GetProperty("addedVatOre").GetInt64());
    }

    [Fact]
    public async Task ADepartmentAdminDoesNotSeeOtherDepartmentsTotals()
    {
        var ekonomi = await Travellers.CreateAsync(portal.Cluster.Client, departmentId: DemoAccounts.Ekonomi);
        using var annaApi = await portal.WebA.SignedInAdminAsync(Demo.Anna);
        using var phone = portal.WebA.CreateClientWithToken(await portal.GrantAndActivateAsync(annaApi, ekonomi.Id));
        (await phone.AddAllPayAsync()).Dispose();
        using var bought = await phone.BuyAsync(BusinessTrips.Purchase($"fakt-{Guid.NewGuid():N}"));
        bought.EnsureSuccessStatusCode();
        await Terms.AcceptAsync(portal.WebA, Demo.Dan, Demo.AdminPassword);

        var anna = await PageAsync(Demo.Anna);
        var dan = await PageAsync(Demo.Dan);
        using var browser = portal.WebA.CreateClient();
        (await browser.PostLoginAsync(Demo.Dan, Demo.AdminPassword)).Dispose();
        using var filtered = await browser.GetAsync($"/admin/fakturor?avdelning={DemoAccounts.Ekonomi}");

        Assert.True(DepartmentTotal(anna, DemoAccounts.Ekonomi) > 0);
        Assert.Contains($"data-department-id=\"{DemoAccounts.Avdelning21}\"", dan, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoAccounts.Ekonomi.ToString(), dan, StringComparison.Ordinal);
        Assert.DoesNotContain("Ekonomi", dan, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, filtered.StatusCode);
    }

    private async Task<string> PageAsync(string email)
    {
        await Terms.AcceptAsync(portal.WebA, email, Demo.AdminPassword);
        using var browser = portal.WebA.CreateClient();
        (await browser.PostLoginAsync(email, Demo.AdminPassword)).Dispose();
        using var page = await browser.GetAsync("/admin/fakturor");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
    }

    /// <summary>The total (öre) in a department's row of the page's department table.</summary>
    private static long DepartmentTotal(string html, Guid departmentId)
    {
        var row = html[html.IndexOf($"data-department-id=\"{departmentId}\"", StringComparison.Ordinal)..];
        return long.Parse(TotalCell().Match(row).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("data-amount=\"total\" data-ore=\"(-?\\d+)\"")]
    private static partial Regex TotalCell();
}
