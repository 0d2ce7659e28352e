using System.Net.Http.Json;
using System.Text.Json;
using Kalmar.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kalmar.Tests.Browser;

/// <summary>
/// Biljettkontroll on an inspector's phone: once the page and the keys have been fetched, a pasted code is checked in
/// the browser without a connection (WebCrypto against the published keys); with a connection the server also says
/// whether the ticket is blocked.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BiljettkontrollTests(BrowserFixture browser)
{
    [Fact]
    public async Task APastedCodeIsGiltigWithoutAConnectionAnAlteredOneOgiltigAndABlockedOneSparrad()
    {
        var (ticketId, payload) = await BoughtTicketAsync();
        var scriptErrors = new List<string>();
        await using var phone = await browser.NewPhoneAsync();
        var page = await phone.NewPageAsync();
        page.PageError += (_, error) => scriptErrors.Add(error);

        await page.GotoAsync("/biljettkontroll");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Biljettkontroll");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Nycklarna för kontroll hämtades");
        await page.EvaluateAsync<bool>(
            "() => navigator.serviceWorker.controller !== null || new Promise(resolve => "
            + "navigator.serviceWorker.addEventListener('controllerchange', () => resolve(true), { once: true }))")
            .WithinPatienceAsync("The service worker taking control of Biljettkontroll");

        await phone.SetOfflineAsync(true);
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Nycklarna för kontroll hämtades");
        var result = page.GetByRole(AriaRole.Region, new() { Name = "Resultat" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Kontrollera" }).ClickAsync();
        await Expect(page.GetByText("Klistra in biljettens kod eller skanna QR-koden.")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Biljettens kod")).ToHaveAttributeAsync("aria-invalid", "true");

        await page.GetByLabel("Biljettens kod").FillAsync(payload);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kontrollera" }).ClickAsync();
        await Expect(result.Locator(".verdict")).ToHaveTextAsync("Giltig");
        await Expect(result).ToContainTextAsync("Utan anslutning: koden är kontrollerad i telefonen");
        await Expect(result.Locator("dd").First).ToHaveTextAsync("Enkelbiljett");
        await Expect(result).ToContainTextAsync("Vuxen");
        await Expect(result).ToContainTextAsync("101");
        await page.ScreenshotAsync(new() { Path = "/tmp/kalmar-biljettkontroll-giltig.png", FullPage = true });

        var middle = payload.Length / 2;
        var altered = string.Concat(payload.AsSpan(0, middle), payload[middle] == 'A' ? "B" : "A", payload.AsSpan(middle + 1));
        await page.GetByLabel("Biljettens kod").FillAsync(altered);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kontrollera" }).ClickAsync();
        await Expect(result.Locator(".verdict")).ToHaveTextAsync("Ogiltig (förfalskad)");
        await Expect(result.Locator("dl")).ToBeHiddenAsync();

        // Back online the server answers too, and it knows that the ticket has been blocked since.
        await phone.SetOfflineAsync(false);
        await Sql.ReadAsync(browser.Cluster, "update tickets set status = 'blocked' where id = $1 returning id", row => row.GetGuid(0), ticketId);
        await page.GetByLabel("Biljettens kod").FillAsync(payload);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kontrollera" }).ClickAsync();
        await Expect(result.Locator(".verdict")).ToHaveTextAsync("Spärrad");
        await Expect(result).ToContainTextAsync("Kontrollerad mot Kalmar länstrafiks system just nu");
        await page.ScreenshotAsync(new() { Path = "/tmp/kalmar-biljettkontroll-sparrad.png", FullPage = true });

        Assert.Equal(375, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));
        Assert.Empty(scriptErrors);
    }

    /// <summary>An Enkelbiljett, Vuxen in zone 101 bought on AllPay in a freshly activated app, and its QR payload.</summary>
    private async Task<(Guid TicketId, string Payload)> BoughtTicketAsync()
    {
        var traveller = await Travellers.CreateAsync(browser.Cluster.Client);
        using var anna = await browser.Web.SignedInAdminAsync(Demo.Anna);
        var (username, code) = await browser.Cluster.GrantForActivationAsync(anna, traveller.Id);
        using var activated = await browser.Web.CreateClient().ActivateAsync(username, code);
        activated.EnsureSuccessStatusCode();
        using var app = browser.Web.CreateClientWithToken((await activated.ReadJsonAsync()).GetProperty("token").GetString()!);
        using var added = await app.AddAllPayAsync();
        added.EnsureSuccessStatusCode();
        using var bought = await app.BuyAsync(BusinessTrips.Purchase("biljettkontroll"));
        bought.EnsureSuccessStatusCode();
        var ticketId = (await bought.ReadJsonAsync()).GetProperty("ticket").GetProperty("id").GetGuid();
        var qr = await app.GetFromJsonAsync<JsonElement>($"/api/me/tickets/{ticketId}/qr");
        return (ticketId, qr.GetProperty("payload").GetString()!);
    }
}
