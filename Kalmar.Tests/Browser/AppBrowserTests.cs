using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Kalmar.Contracts.Domain;
using Kalmar.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kalmar.Tests.Browser;

/// <summary>
/// The app under /app on a phone, as the manual's "Köp biljett i app med AllPay" and "Kontrollera kredit i app":
/// activation with the SMS, Mer → Betalmedel → Andra betalmedel, a purchase with a purpose, and the credit
/// following live on a second phone and on the portal's Startsida.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class AppBrowserTests(BrowserFixture browser)
{
    private const long MonthlyLimitOre = 40000;

    [Fact]
    public async Task TravellerActivatesAddsAllPayBuysWithAPurposeAndEveryScreenSeesTheCreditDrop()
    {
        var traveller = await Travellers.CreateAsync(browser.Cluster.Client);
        using var anna = await browser.Web.SignedInAdminAsync(Demo.Anna);
        var (username, code) = await browser.Cluster.GrantForActivationAsync(anna, traveller.Id, MonthlyLimitOre);
        var scriptErrors = new List<string>();

        await using var phone = await browser.NewPhoneAsync();
        var app = await phone.NewPageAsync();
        app.PageError += (_, error) => scriptErrors.Add(error);
        await app.GotoAsync("/app");
        await Expect(Heading(app)).ToHaveTextAsync("Verifiera dig");
        await app.GetByLabel("Tillfälligt användarnamn (från sms:et)").FillAsync(username.ToLowerInvariant());
        await app.GetByLabel("Engångskod").FillAsync(code == "000000" ? "111111" : "000000");
        await app.GetByRole(AriaRole.Button, new() { Name = "Verifiera dig" }).ClickAsync();
        await Expect(app.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Fel användarnamn eller kod, eller så har koden redan använts eller gått ut.");
        await app.ScreenshotAsync(new() { Path = "/tmp/kalmar-app-aktivera.png", FullPage = true });
        await app.GetByLabel("Engångskod").FillAsync(code);
        await app.GetByRole(AriaRole.Button, new() { Name = "Verifiera dig" }).ClickAsync();

        // The first time, as in the portal, the terms come first.
        await Expect(Heading(app)).ToHaveTextAsync("Godkänn villkoren");
        await app.GetByRole(AriaRole.Button, new() { Name = "Godkänn", Exact = true }).ClickAsync();
        await Expect(app.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Kryssa i rutan för att godkänna villkoren.");
        await app.GetByLabel("Jag har läst och godkänner Integritetspolicy och Allmänna villkor").CheckAsync();
        await app.GetByRole(AriaRole.Button, new() { Name = "Godkänn", Exact = true }).ClickAsync();
        await Expect(Heading(app)).ToHaveTextAsync("Mer");
        await Expect(app.GetByRole(AriaRole.Status)).ToHaveTextAsync("Du är verifierad. Lägg nu till Faktura via AllPay under Betalmedel.");

        await app.GetByRole(AriaRole.Link, new() { Name = "Betalmedel" }).ClickAsync();
        await Expect(app.GetByText("Du har inget betalmedel för tjänsteresor ännu.")).ToBeVisibleAsync();
        await app.GetByRole(AriaRole.Link, new() { Name = "Andra betalmedel" }).ClickAsync();
        await app.GetByRole(AriaRole.Button, new() { Name = "Lägg till Faktura via AllPay" }).ClickAsync();
        await Expect(app.GetByRole(AriaRole.Status)).ToContainTextAsync("Nu är allt klart och du kan börja använda AllPay som betalmedel!");

        // The same traveller's portal Startsida and a second phone, signed in with e-mail and password.
        await using var desk = await browser.NewPhoneAsync();
        var startsida = await desk.NewPageAsync();
        startsida.PageError += (_, error) => scriptErrors.Add(error);
        await startsida.SignInAsync(traveller.Email, Travellers.Password);
        await Expect(startsida.Locator("#credit-remaining")).ToHaveTextAsync(Money.ToKronor(MonthlyLimitOre));
        await Expect(startsida.Locator("body")).ToHaveAttributeAsync("data-live", "connected");
        await using var secondPhone = await browser.NewPhoneAsync();
        var second = await secondPhone.NewPageAsync();
        second.PageError += (_, error) => scriptErrors.Add(error);
        await second.GotoAsync("/app/#/logga-in");
        await second.GetByLabel("E-postadress").FillAsync(traveller.Email);
        await second.GetByLabel("Lösenord").FillAsync(Travellers.Password);
        await second.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        await Expect(Heading(second)).ToHaveTextAsync("Mina biljetter");
        await Tab(second, "Kredit").ClickAsync();
        var secondRemaining = second.GetByText("Kvar att använda").Locator("strong");
        await Expect(secondRemaining).ToHaveTextAsync(Money.ToKronor(MonthlyLimitOre));
        await Expect(second.Locator("body")).ToHaveAttributeAsync("data-live", "connected");

        await Tab(app, "Sök & köp").ClickAsync();
        await app.GetByLabel("Från", new() { Exact = true }).FillAsync("Kalmar C");
        await app.GetByLabel("Till", new() { Exact = true }).FillAsync("Nybro station");
        await app.GetByRole(AriaRole.Button, new() { Name = "Sök resa" }).ClickAsync();
        await Expect(app.GetByRole(AriaRole.Group, new() { NameRegex = DeparturesKalmarToNybro() })).ToBeVisibleAsync();
        await app.GetByLabel("Biljettyp").SelectOptionAsync(new SelectOptionValue { Label = "Enkelbiljett" });
        await app.GetByLabel("Resenärskategori").SelectOptionAsync(new SelectOptionValue { Label = "Vuxen" });
        var purpose = app.GetByLabel("Syfte med tjänsteresan");
        await Expect(purpose).ToHaveAccessibleDescriptionAsync(new Regex($"Kvar att använda i .+: {Regex.Escape(Money.ToKronor(MonthlyLimitOre))}"));
        await app.GetByRole(AriaRole.Button, new() { Name = "Betala med AllPay" }).ClickAsync();
        await Expect(app.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Ange syftet med tjänsteresan.");
        await Expect(purpose).ToHaveAttributeAsync("aria-invalid", "true");
        await purpose.FillAsync("Kundmöte i Nybro");
        await app.GetByRole(AriaRole.Button, new() { Name = "Betala med AllPay" }).ClickAsync();

        await Expect(Heading(app)).ToHaveTextAsync("Mina biljetter");
        await Expect(app.GetByRole(AriaRole.Status)).ToContainTextAsync("Klart! Enkelbiljett, Vuxen är köpt med Faktura via AllPay.");
        var ticket = app.GetByRole(AriaRole.Article, new() { Name = "Enkelbiljett, Vuxen" });
        await Expect(ticket).ToContainTextAsync("Kundmöte i Nybro");
        await Expect(ticket.GetByRole(AriaRole.Img, new() { Name = "QR-kod för Enkelbiljett, Vuxen" })).ToHaveAttributeAsync("src", SvgDataUrl());
        var remaining = Money.ToKronor(MonthlyLimitOre - await PriceOfOnlyTicketAsync(traveller));
        await Expect(app.Locator(".credit-line strong")).ToHaveTextAsync(remaining);
        await Expect(secondRemaining).ToHaveTextAsync(remaining);
        await Expect(startsida.Locator("#credit-remaining")).ToHaveTextAsync(remaining);
        await Expect(startsida.Locator("#credit-month")).ToHaveTextAsync(Stockholm.MonthName(Stockholm.MonthOf(DateTimeOffset.UtcNow)));
        await Expect(second.GetByText("Använt").Locator("xpath=following-sibling::dd[1]")).Not.ToHaveTextAsync(Money.ToKronor(0));
        await second.ScreenshotAsync(new() { Path = "/tmp/kalmar-app-kredit.png", FullPage = true });
        await app.ScreenshotAsync(new() { Path = "/tmp/kalmar-app-biljetter.png", FullPage = true });

        // Without a connection the app still opens and shows the ticket with its code, as last seen.
        await app.EvaluateAsync<bool>(
            "() => navigator.serviceWorker.controller !== null || new Promise(resolve => "
            + "navigator.serviceWorker.addEventListener('controllerchange', () => resolve(true), { once: true }))")
            .WithinPatienceAsync("The service worker taking control of the app");
        await phone.SetOfflineAsync(true);
        await app.ReloadAsync();
        await Expect(app.GetByRole(AriaRole.Status).Filter(new() { HasText = "Du är utan anslutning." })).ToBeVisibleAsync();
        await Expect(ticket.GetByRole(AriaRole.Img, new() { Name = "QR-kod för Enkelbiljett, Vuxen" })).ToHaveAttributeAsync("src", SvgDataUrl());
        // The kept code is still one an inspector's device accepts with nothing but the published keys.
        using (var device = browser.Web.CreateClient())
        {
            var keptCode = await ticket.Locator("output").TextContentAsync();
            Assert.True(OfflineTicketCheck.Verifies(await device.GetFromJsonAsync<JsonElement>("/.well-known/ticket-keys.json"), keptCode!));
        }

        await phone.SetOfflineAsync(false);
        await Expect(app.GetByText("Du är utan anslutning.", new() { Exact = false })).ToHaveCountAsync(0);
        await Expect(ticket).ToContainTextAsync("Kundmöte i Nybro");

        // A purchase beyond what remains is refused with the reason, and nothing is charged.
        await Tab(app, "Sök & köp").ClickAsync();
        await app.GetByLabel("I zoner jag väljer").CheckAsync();
        await app.GetByRole(AriaRole.Button, new() { Name = "Visa biljetter" }).ClickAsync();
        await Expect(app.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Välj minst en zon.");
        var zones = app.GetByRole(AriaRole.Group, new() { Name = "Zoner som resan går i" });
        await zones.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("^101 ") }).CheckAsync();
        await zones.GetByRole(AriaRole.Checkbox, new() { NameRegex = new Regex("^131 ") }).CheckAsync();
        await app.GetByRole(AriaRole.Button, new() { Name = "Visa biljetter" }).ClickAsync();
        await app.GetByLabel("Biljettyp").SelectOptionAsync(new SelectOptionValue { Label = "365-dagarsbiljett" });
        await Expect(app.GetByText("Priset är högre än det som finns kvar av krediten denna månad.")).ToBeVisibleAsync();
        await app.GetByLabel("Syfte med tjänsteresan").FillAsync("Projekt i Kalmar hela året");
        await app.GetByRole(AriaRole.Button, new() { Name = "Betala med AllPay" }).ClickAsync();
        await Expect(app.GetByRole(AriaRole.Alert)).ToContainTextAsync($"Krediten räcker inte:");
        await Expect(app.GetByRole(AriaRole.Alert)).ToContainTextAsync($"men {remaining} kvar denna månad.");
        await app.ScreenshotAsync(new() { Path = "/tmp/kalmar-app-kop.png", FullPage = true });
        await Expect(startsida.Locator("#credit-remaining")).ToHaveTextAsync(remaining);
        Assert.Equal(375, await app.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));
        Assert.Empty(scriptErrors);
    }

    [Fact]
    public async Task TheAppIsInstallable()
    {
        using var client = browser.Web.CreateClient();
        using var manifest = await client.GetAsync("/app/manifest.webmanifest");
        var body = await manifest.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("application/manifest+json", manifest.Content.Headers.ContentType?.MediaType);
        Assert.Equal("/app/", body.GetProperty("start_url").GetString());
        Assert.Equal("standalone", body.GetProperty("display").GetString());
        foreach (var size in new[] { "192x192", "512x512" })
        {
            var icon = body.GetProperty("icons").EnumerateArray().Single(i => i.GetProperty("sizes").GetString() == size);
            using var image = await client.GetAsync($"/app/{icon.GetProperty("src").GetString()}");
            Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        }
    }

    private static ILocator Heading(IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    private static ILocator Tab(IPage page, string name) =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Appens meny" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    private async Task<long> PriceOfOnlyTicketAsync(Travellers.Traveller traveller)
    {
        using var client = await browser.Web.SignedInClientAsync(traveller.Email, Travellers.Password);
        var tickets = await client.GetFromJsonAsync<JsonElement>("/api/me/tickets");
        return tickets.EnumerateArray().Single().GetProperty("priceOre").GetInt64();
    }

    [GeneratedRegex("^Avgångar( i morgon)? från Kalmar C till Nybro station$")]
    private static partial Regex DeparturesKalmarToNybro();

    [GeneratedRegex("^data:image/svg\\+xml")]
    private static partial Regex SvgDataUrl();
}
