using Kalmar.Silo.DemoData;
using Kalmar.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kalmar.Tests.Browser;

/// <summary>Admins and a traveller in separate browsers at once: a decision reaches everyone without reload.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AttesteringTests(BrowserFixture browser)
{
    [Fact]
    public async Task ApprovalShowsTheTicketOnTheTravellersStartsidaAndEmptiesTheOtherAdminsQueue()
    {
        var traveller = await Travellers.CreateAsync(browser.Cluster.Client);
        var order = await Orders.SubmitAsync(browser.Cluster.Client, traveller, DemoAccounts.ExempelAb, DemoAccounts.Avdelning21);
        await using var travellerPhone = await browser.NewPhoneAsync();
        var startsida = await travellerPhone.NewPageAsync();
        await startsida.SignInAsync(traveller.Email, Travellers.Password);
        await Expect(startsida.Locator("#tickets")).ToContainTextAsync("Du har inga aktiva biljetter");
        await using var dansPhone = await browser.NewPhoneAsync();
        var dansQueue = await dansPhone.NewPageAsync();
        await dansQueue.SignInAsync(Demo.Dan, Demo.AdminPassword);
        await dansQueue.GotoAsync("/admin/attestering");
        var dansRow = dansQueue.Locator($"[data-order-id='{order.Id}']");
        await Expect(dansRow).ToBeVisibleAsync();
        await using var annasPhone = await browser.NewPhoneAsync();
        var annasQueue = await annasPhone.NewPageAsync();
        await annasQueue.SignInAsync(Demo.Anna, Demo.AdminPassword);
        await annasQueue.GotoAsync("/admin/attestering");
        await Expect(startsida.Locator("body")).ToHaveAttributeAsync("data-live", "connected");
        await Expect(dansQueue.Locator("body")).ToHaveAttributeAsync("data-live", "connected");

        await annasQueue.Locator($"[data-order-id='{order.Id}']").GetByRole(AriaRole.Button, new() { Name = "Godkänn" }).ClickAsync();

        await Expect(annasQueue.GetByRole(AriaRole.Status)).ToContainTextAsync("Beställningen är godkänd");
        await Expect(dansRow).ToHaveCountAsync(0);
        var ticket = startsida.Locator("#tickets .ticket");
        await Expect(ticket).ToContainTextAsync("Enkelbiljett");
        await Expect(ticket).ToContainTextAsync("Giltig t.o.m.");
        await startsida.ScreenshotAsync(new() { Path = "/tmp/kalmar-startsida-biljett.png", FullPage = true });
    }

    [Fact]
    public async Task AWithdrawnOrderLeavesTheAdminsQueueInTheOtherBrowserAtOnce()
    {
        var traveller = await Travellers.CreateAsync(browser.Cluster.Client);
        var order = await Orders.SubmitAsync(browser.Cluster.Client, traveller, DemoAccounts.ExempelAb, DemoAccounts.Avdelning21);
        await using var dansPhone = await browser.NewPhoneAsync();
        var dansQueue = await dansPhone.NewPageAsync();
        await dansQueue.SignInAsync(Demo.Dan, Demo.AdminPassword);
        await dansQueue.GotoAsync("/admin/attestering");
        var row = dansQueue.Locator($"[data-order-id='{order.Id}']");
        await Expect(row).ToBeVisibleAsync();
        await Expect(dansQueue.Locator("body")).ToHaveAttributeAsync("data-live", "connected");
        await using var travellerPhone = await browser.NewPhoneAsync();
        var orders = await travellerPhone.NewPageAsync();
        await orders.SignInAsync(traveller.Email, Travellers.Password);
        await orders.GotoAsync("/biljetter/bestallningar");

        await orders.GetByRole(AriaRole.Button, new() { Name = "Dra tillbaka beställningen" }).ClickAsync();

        await Expect(orders.GetByText("Beställningen är tillbakadragen.")).ToBeVisibleAsync();
        await Expect(row).ToHaveCountAsync(0);
        await Expect(orders.GetByRole(AriaRole.Button, new() { Name = "Dra tillbaka beställningen" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task RejectingWithoutAReasonIsRefusedInSwedish()
    {
        var traveller = await Travellers.CreateAsync(browser.Cluster.Client);
        var order = await Orders.SubmitAsync(browser.Cluster.Client, traveller, DemoAccounts.ExempelAb, DemoAccounts.Avdelning21);
        await using var phone = await browser.NewPhoneAsync();
        var page = await phone.NewPageAsync();
        await page.SignInAsync(Demo.Anna, Demo.AdminPassword);
        await page.GotoAsync("/admin/attestering");
        var row = page.Locator($"[data-order-id='{order.Id}']");

        await row.GetByLabel("Motivering vid avslag").FillAsync("Du har redan ett periodkort.");
        await row.GetByRole(AriaRole.Button, new() { Name = "Avslå" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Beställningen är avslagen");
        await Expect(row).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task LoggaUtEndsTheSessionAndReturnsToTheLoginPage()
    {
        await using var phone = await browser.NewPhoneAsync();
        var page = await phone.NewPageAsync();
        await page.SignInAsync(Demo.Dan, Demo.AdminPassword);

        await page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Logga in" })).ToBeVisibleAsync();
        await page.GotoAsync("/");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Logga in" })).ToBeVisibleAsync();
    }
}
