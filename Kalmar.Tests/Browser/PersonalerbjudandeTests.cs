using System.Globalization;
using System.Text.RegularExpressions;
using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Model;
using Kalmar.Silo.DemoData;
using Kalmar.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kalmar.Tests.Browser;

/// <summary>The staff offer in a phone-sized Chromium: the manual's steps, a bad card number, and Region Kalmar län.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PersonalerbjudandeTests(BrowserFixture browser)
{
    [Fact]
    public async Task EmmyOrdersOnAPhoneAndSeesTheApprovalLive()
    {
        await using var phone = await browser.NewPhoneAsync();
        var page = await phone.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await page.SignInAsync(Demo.Emmy, Demo.TravellerPassword);
        // On a slow connection the suggestion script arrives after the typing has begun; it must catch up. The script
        // is held back until "Från" is typed, so it always arrives late.
        var typed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync("**/js/suggest-stops.js", async route =>
        {
            await typed.Task;
            await route.ContinueAsync();
        });

        await page.ChooseInMenuAsync("Biljetter");
        await page.GetByRole(AriaRole.Link, new() { Name = "Personalerbjudande" }).ClickAsync();
        await page.GetByLabel("Från", new() { Exact = true }).FillAsync("Kalmar C");
        typed.SetResult();
        await Expect(page.Locator("#fran-forslag option").First).ToHaveAttributeAsync("value", "Kalmar C");
        await page.SearchAsync("Kalmar C", "Nybro station", Weekdays.NextMonday(), "08:00");
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Avgångar från Kalmar C till Nybro station" })).ToContainTextAsync("Giltig i zon 101, 131");
        await page.ChooseFirstDepartureAsync();
        await page.ChooseTicketAsync("Enkelbiljett, Vuxen");
        await page.GetByLabel("App", new() { Exact = true }).CheckAsync();
        await Expect(page.GetByLabel("Mobilnummer")).ToHaveValueAsync("070-655 56 11");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg i varukorg" }).ClickAsync();

        var cart = page.GetByRole(AriaRole.Complementary, new() { Name = "Varukorg" });
        await Expect(cart).ToContainTextAsync("Enkelbiljett, Vuxen");
        await Expect(cart).ToContainTextAsync("Kalmar C – Nybro station");
        await Expect(cart).ToContainTextAsync("Emmy Nilsson");
        await Expect(cart).ToContainTextAsync("Avdelning 21");
        await Expect(cart.Locator(".grand-total")).ToHaveTextAsync(AttBetalaInKronor());
        await page.ScreenshotAsync(new() { Path = "/tmp/kalmar-varukorg.png", FullPage = true });
        await cart.GetByRole(AriaRole.Button, new() { Name = "Beställ biljett" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(OrderUrl());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Orderbekräftelse" })).ToBeVisibleAsync();
        var main = page.Locator("main");
        await Expect(main).ToContainTextAsync(
            "Tack för din beställning. Beställningen har skickats till en administratör för godkännande. "
            + "En orderbekräftelse skickas till emmy@example.se när beställningen godkänns eller avslås.");
        await Expect(main).ToContainTextAsync("Totalbelopp");
        var status = page.Locator("[data-status-text]");
        await Expect(status).ToHaveTextAsync("Väntar på godkännande");

        // Decided while the page is open and connected: the status must change without a reload.
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-live", "connected");
        await page.EvaluateAsync("() => window.sameDocument = true");
        var orderId = Guid.Parse(page.Url.Split('/')[^1]);
        var decided = await browser.Cluster.Client.GetGrain<IOrderGrain>(orderId)
            .DecideAsync(new OrderDecision(true, DemoAccounts.Anna, "Anna Andersson", null));
        Assert.Null(decided.Rejection);
        await Expect(status).ToHaveTextAsync("Godkänd");
        await Expect(page.Locator("[data-status-detail]")).ToContainTextAsync("av Anna Andersson");
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"));
        await page.ScreenshotAsync(new() { Path = "/tmp/kalmar-orderbekraftelse.png", FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "Mina beställningar" }).ClickAsync();
        await Expect(page.Locator($"[data-order-status='{orderId}'] [data-status-text]")).ToHaveTextAsync("Godkänd");
        Assert.Empty(scriptErrors);
    }

    [Fact]
    public async Task BadInputShowsSwedishFieldErrorsAndAddsNothing()
    {
        var traveller = await Travellers.CreateAsync(browser.Cluster.Client);
        await using var phone = await browser.NewPhoneAsync();
        var page = await phone.NewPageAsync();
        await page.SignInAsync(traveller.Email, Travellers.Password);
        await page.GotoAsync("/biljetter/personalerbjudande");

        await page.SearchAsync("Ingenstans hållplats", "Nybro station", Weekdays.NextMonday(), "08:00");
        var from = page.GetByLabel("Från", new() { Exact = true });
        await Expect(page.Locator("#fran-fel")).ToHaveTextAsync(RejectionMessages.UnknownStop);
        await Expect(from).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(from).ToHaveAttributeAsync("aria-describedby", "fran-fel");

        await page.SearchAsync("Kalmar C", "Nybro station", Weekdays.NextMonday(), "08:00");
        await page.ChooseFirstDepartureAsync();
        await page.ChooseTicketAsync("Enkelbiljett, Vuxen");
        await page.GetByLabel("Resekort", new() { Exact = true }).CheckAsync();
        var card = page.GetByLabel("Kortnummer");
        await card.FillAsync("123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg i varukorg" }).ClickAsync();

        await Expect(page.Locator("#kortnummer-fel")).ToHaveTextAsync(TravelCardNumber.Error);
        await Expect(card).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(card).ToHaveAttributeAsync("aria-describedby", "kortnummer-tips kortnummer-fel");
        await Expect(card).ToHaveValueAsync("123");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync(TravelCardNumber.Error);
        await Expect(page.GetByRole(AriaRole.Complementary, new() { Name = "Varukorg" })).ToContainTextAsync("Din varukorg är tom");
        Assert.Empty((await browser.Cluster.Client.GetGrain<ICartGrain>(traveller.Id).GetAsync()).Items);
        await page.ScreenshotAsync(new() { Path = "/tmp/kalmar-fel.png", FullPage = true });
    }

    [Fact]
    public async Task WithoutJavaScriptATicketGoesIntoTheCartAndOutAgain()
    {
        var traveller = await Travellers.CreateAsync(browser.Cluster.Client);
        await using var phone = await browser.NewPhoneAsync(javaScript: false);
        var page = await phone.NewPageAsync();
        await page.SignInAsync(traveller.Email, Travellers.Password);
        await page.GotoAsync("/biljetter/personalerbjudande");

        await page.SearchAsync("kalmar c", "nybro", Weekdays.NextMonday(), "08:00");
        await Expect(page.GetByLabel("Till", new() { Exact = true })).ToHaveValueAsync("Nybro station");
        await page.ChooseFirstDepartureAsync();
        await page.ChooseTicketAsync("30-dagarsbiljett, Ungdom");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg i varukorg" }).ClickAsync();
        var cart = page.GetByRole(AriaRole.Complementary, new() { Name = "Varukorg" });
        await Expect(cart).ToContainTextAsync("30-dagarsbiljett, Ungdom");
        Assert.Single((await browser.Cluster.Client.GetGrain<ICartGrain>(traveller.Id).GetAsync()).Items);

        await cart.GetByRole(AriaRole.Button, new() { Name = "Ta bort" }).ClickAsync();

        await Expect(cart).ToContainTextAsync("Din varukorg är tom");
        Assert.Empty((await browser.Cluster.Client.GetGrain<ICartGrain>(traveller.Id).GetAsync()).Items);
    }

    [Fact]
    public async Task RutAtRegionKalmarLanIsToldTheOfferIsNotForHer()
    {
        const string NotForRegion = "Personalerbjudandet gäller inte för anställda på Region Kalmar län.";
        await using var phone = await browser.NewPhoneAsync();
        var page = await phone.NewPageAsync();
        await page.SignInAsync(Demo.Rut, Demo.TravellerPassword);

        await page.GotoAsync("/biljetter");
        await Expect(page.Locator("main")).ToContainTextAsync(NotForRegion);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Personalerbjudande" })).ToHaveCountAsync(0);

        await page.GotoAsync("/biljetter/personalerbjudande");
        await Expect(page.Locator("main")).ToContainTextAsync(NotForRegion);
        await Expect(page.Locator("main form")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AThirtyDagarStartingInAWeekIsOrderedWithItsStartdagAndShownAsKommande()
    {
        var traveller = await Travellers.CreateAsync(browser.Cluster.Client);
        var startdag = Stockholm.DateOf(DateTimeOffset.UtcNow).AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await using var phone = await browser.NewPhoneAsync();
        var page = await phone.NewPageAsync();
        await page.SignInAsync(traveller.Email, Travellers.Password);
        await page.GotoAsync("/biljetter/personalerbjudande");
        await page.SearchAsync("Kalmar C", "Nybro station", Weekdays.NextMonday(), "08:00");
        await page.ChooseFirstDepartureAsync();

        await page.ChooseTicketAsync("30-dagarsbiljett, Vuxen");
        await page.GetByLabel("Startdag").FillAsync(startdag);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg i varukorg" }).ClickAsync();
        var cart = page.GetByRole(AriaRole.Complementary, new() { Name = "Varukorg" });
        await Expect(cart).ToContainTextAsync($"Startdag {startdag}");
        await cart.GetByRole(AriaRole.Button, new() { Name = "Beställ biljett" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync($"Startdag {startdag}");
        var orderId = Guid.Parse(page.Url.Split('/')[^1]);
        Assert.Null((await browser.Cluster.Client.GetGrain<IOrderGrain>(orderId)
            .DecideAsync(new OrderDecision(true, DemoAccounts.Anna, "Anna Andersson", null))).Rejection);

        await page.GotoAsync("/");
        var kommande = page.Locator("[data-ticket-group='upcoming']");
        await Expect(kommande.GetByRole(AriaRole.Heading, new() { Name = "Kommande (1)" })).ToBeVisibleAsync();
        await Expect(kommande.Locator(".ticket")).ToContainTextAsync($"Giltig från{startdag} 00:00");
        await Expect(page.Locator("[data-ticket-group='active']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AnotherTravellersOrderIsNotFound()
    {
        var other = await Travellers.CreateAsync(browser.Cluster.Client);
        var order = await Orders.SubmitAsync(browser.Cluster.Client, other, DemoAccounts.ExempelAb, DemoAccounts.Avdelning21);
        await using var phone = await browser.NewPhoneAsync();
        var page = await phone.NewPageAsync();
        await page.SignInAsync(Demo.Emmy, Demo.TravellerPassword);

        var response = await page.GotoAsync($"/biljetter/bestallning/{order.Id}");

        Assert.Equal(404, response!.Status);
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Tack för din beställning");
    }

    [GeneratedRegex(@"^Att betala\s*[\d\s]+,\d\d\s+kr$")]
    private static partial Regex AttBetalaInKronor();

    [GeneratedRegex("/biljetter/bestallning/[0-9a-f-]{36}$")]
    private static partial Regex OrderUrl();
}
