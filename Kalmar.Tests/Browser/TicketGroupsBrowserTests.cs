using System.Text.RegularExpressions;
using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;
using Kalmar.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kalmar.Tests.Browser;

/// <summary>Startsida on a phone for a traveller with 300 tickets: groups with counts and a few cards, "Visa alla" pages the rest.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TicketGroupsBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task StartsidaShowsTheGroupsWithCountsNotThreeHundredCardsAndANewTicketJoinsItsGroupLive()
    {
        var traveller = await Travellers.CreateAsync(browser.Cluster.Client);
        var now = DateTimeOffset.UtcNow;
        await TicketRows.InsertAsync(browser.Cluster, traveller.Id, 200, now.AddHours(-1), now.AddDays(1));
        await TicketRows.InsertAsync(browser.Cluster, traveller.Id, 80, now.AddDays(2), now.AddDays(32));
        await TicketRows.InsertAsync(browser.Cluster, traveller.Id, 20, now.AddHours(-1), now.AddDays(3), status: "blocked");
        await using var phone = await browser.NewPhoneAsync();
        var page = await phone.NewPageAsync();

        await page.SignInAsync(traveller.Email, Travellers.Password);

        var tickets = page.Locator("#tickets");
        await Expect(tickets.GetByRole(AriaRole.Heading, new() { Name = "Aktiva (200)" })).ToBeVisibleAsync();
        await Expect(tickets.GetByRole(AriaRole.Heading, new() { Name = "Kommande (80)" })).ToBeVisibleAsync();
        await Expect(tickets.GetByRole(AriaRole.Heading, new() { Name = "Spärrade (20)" })).ToBeVisibleAsync();
        await Expect(tickets.Locator(".ticket")).ToHaveCountAsync(9);
        await Expect(tickets.GetByRole(AriaRole.Link, new() { Name = "Visa alla (200) aktiva biljetter" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = "/tmp/kalmar-startsida-grupper.png", FullPage = true });

        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-live", "connected");
        await browser.Cluster.Client.GetGrain<IUserGrain>(traveller.Id).IssueTicketsAsync([new Ticket(
            Guid.NewGuid(), "30-dagarsbiljett", "Vuxen", ["101"], new Carrier(CarrierType.App, Travellers.Mobile), 60420,
            now, now.AddDays(1), now.AddDays(31), Ticket.StaffOffer, Purpose: null)]);
        await Expect(tickets.GetByRole(AriaRole.Heading, new() { Name = "Kommande (81)" })).ToBeVisibleAsync();
        await Expect(tickets.GetByRole(AriaRole.Heading, new() { Name = "Aktiva (200)" })).ToBeVisibleAsync();

        await tickets.GetByRole(AriaRole.Link, new() { Name = "Visa alla (200) aktiva biljetter" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Aktiva (200)" })).ToBeVisibleAsync();
        await Expect(page.Locator("main .ticket")).ToHaveCountAsync(20);
        await Expect(page.Locator("main")).ToContainTextAsync("Sida 1 av 10");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nästa sida" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Sida 2 av 10");
        await Expect(page.Locator("main .ticket")).ToHaveCountAsync(20);
        await page.GetByRole(AriaRole.Link, new() { Name = "Kommande (81)" }).ClickAsync();
        await Expect(page.Locator("main .ticket")).ToHaveCountAsync(20);
        await Expect(page.Locator("main")).ToContainTextAsync("Sida 1 av 5");
    }

    [Fact]
    public async Task TheAppGroupsTheMobileTicketsAndVisaAllaLoadsAGroupAPageAtATime()
    {
        var traveller = await Travellers.CreateAsync(browser.Cluster.Client);
        var now = DateTimeOffset.UtcNow;
        await TicketRows.InsertAsync(browser.Cluster, traveller.Id, 40, now.AddHours(-1), now.AddDays(1));
        await TicketRows.InsertAsync(browser.Cluster, traveller.Id, 2, now.AddDays(2), now.AddDays(32));
        await TicketRows.InsertAsync(browser.Cluster, traveller.Id, 5, now.AddHours(-1), now.AddDays(1), carrier: "card");
        await Terms.AcceptAsync(browser.Web, traveller.Email, Travellers.Password);
        await using var phone = await browser.NewPhoneAsync();
        var app = await phone.NewPageAsync();
        var scriptErrors = new List<string>();
        app.PageError += (_, error) => scriptErrors.Add(error);

        await app.GotoAsync("/app/#/logga-in");
        await app.GetByLabel("E-postadress").FillAsync(traveller.Email);
        await app.GetByLabel("Lösenord").FillAsync(Travellers.Password);
        await app.GetByRole(AriaRole.Button, new() { Name = "Logga in" }).ClickAsync();

        var active = app.Locator("[data-ticket-group='active']");
        await Expect(active.GetByRole(AriaRole.Heading, new() { Name = "Aktiva (40)" })).ToBeVisibleAsync();
        await Expect(app.GetByRole(AriaRole.Heading, new() { Name = "Kommande (2)" })).ToBeVisibleAsync();
        await Expect(app.Locator(".mobile-ticket")).ToHaveCountAsync(5);
        await active.GetByRole(AriaRole.Button, new() { Name = "Visa alla (40)" }).ClickAsync();
        await Expect(active.Locator(".mobile-ticket")).ToHaveCountAsync(20);
        await active.GetByRole(AriaRole.Button, new() { Name = "Visa fler (20 till)" }).ClickAsync();
        await Expect(active.Locator(".mobile-ticket")).ToHaveCountAsync(40);
        await Expect(active.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Expect(active.Locator("img[data-ticket-code]").Last).ToHaveAttributeAsync("src", new Regex("^data:image/svg"));
        Assert.Empty(scriptErrors);
    }
}
