using System.Net.Http.Json;
using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;
using Kalmar.Silo.DemoData;
using Kalmar.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kalmar.Tests.Browser;

/// <summary>
/// "Anna blocks the ticket of a lost phone and Emmy's app shows Spärrad at once": the app's ticket loses its QR code and
/// the portal's Startsida marks it, both live, on phones.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BlockedTicketBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task AnAdminsBlockShowsAsSparradWithoutACodeInTheAppAndOnStartsidaAtOnce()
    {
        var traveller = await Travellers.CreateAsync(browser.Cluster.Client);
        var order = await Orders.SubmitAsync(browser.Cluster.Client, traveller, DemoAccounts.ExempelAb, DemoAccounts.Avdelning21);
        Assert.Null((await browser.Cluster.Client.GetGrain<IOrderGrain>(order.Id)
            .DecideAsync(new OrderDecision(true, DemoAccounts.Anna, "Anna Andersson", null))).Rejection);
        var ticketId = order.Submission.Lines[0].Id;
        await Terms.AcceptAsync(browser.Web, traveller.Email, Travellers.Password);
        var scriptErrors = new List<string>();

        await using var phone = await browser.NewPhoneAsync();
        var app = await phone.NewPageAsync();
        app.PageError += (_, error) => scriptErrors.Add(error);
        await app.GotoAsync("/app/#/logga-in");
        await app.GetByLabel("E-postadress").FillAsync(traveller.Email);
        await app.GetByLabel("Lösenord").FillAsync(Travellers.Password);
        await app.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();
        var ticket = app.GetByRole(AriaRole.Article, new() { Name = "Enkelbiljett, Vuxen" });
        await Expect(ticket.GetByRole(AriaRole.Img, new() { Name = "QR-kod för Enkelbiljett, Vuxen" })).ToBeVisibleAsync();
        await Expect(app.Locator("body")).ToHaveAttributeAsync("data-live", "connected");
        await using var desk = await browser.NewPhoneAsync();
        var startsida = await desk.NewPageAsync();
        startsida.PageError += (_, error) => scriptErrors.Add(error);
        await startsida.SignInAsync(traveller.Email, Travellers.Password);
        await Expect(startsida.Locator("body")).ToHaveAttributeAsync("data-live", "connected");
        await Expect(startsida.Locator($"[data-ticket-id=\"{ticketId}\"]")).ToHaveAttributeAsync("data-status", "active");

        using var anna = await browser.Web.SignedInAdminAsync(Demo.Anna);
        using var blocked = await anna.PostAsJsonAsync($"/api/admin/tickets/{ticketId}/block", new { reason = "Borttappad telefon" });
        blocked.EnsureSuccessStatusCode();

        await Expect(ticket).ToContainTextAsync("Spärrad – biljetten kan inte användas.");
        await Expect(ticket.GetByRole(AriaRole.Img)).ToHaveCountAsync(0);
        var onStartsida = startsida.Locator($"[data-ticket-id=\"{ticketId}\"]");
        await Expect(onStartsida).ToHaveAttributeAsync("data-status", "blocked");
        await Expect(onStartsida).ToContainTextAsync("Spärrad – biljetten kan inte användas.");
        await app.ScreenshotAsync(new() { Path = "/tmp/kalmar-app-sparrad.png", FullPage = true });
        Assert.Empty(scriptErrors);
    }
}
