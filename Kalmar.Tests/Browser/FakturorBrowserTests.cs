using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Model;
using Kalmar.Tests.Fixtures;
using Kalmar.Tests.Invoices;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kalmar.Tests.Browser;

/// <summary>
/// Fakturor as a new company uses it, on a phone: the admin watches this month's preliminary invoice grow while a
/// traveller buys in the app, sees the chart and the forecast, downloads last month's closed invoice (PDF and CSV) and
/// the payroll file; the traveller finds the trip's receipt under Mer → Kvitton.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FakturorBrowserTests(BrowserFixture browser)
{
    private const long LastMonthExclVatOre = 11700;

    [Fact]
    public async Task AnAdminFollowsTheOpenMonthLiveAndDownloadsLastMonthAndTheTravellerFindsHerReceipt()
    {
        var cluster = browser.Cluster.Client;
        var company = await InvoiceActivity.CreateCompanyAsync(cluster);
        var lager = company.Departments[0];
        var emmy = await Travellers.CreateAsync(cluster, company.Id, lager.Id, "Emmy", "Exempel");
        var month = Stockholm.MonthOf(DateTimeOffset.UtcNow);
        var lastMonth = InvoiceMonth.Previous(month);
        await WriteStaffOfferLineAsync(company, emmy, lastMonth);
        var number = Assert.Single(await cluster.GetGrain<IInvoiceGrain>(company.Id).CloseDueMonthsAsync());
        await Terms.AcceptAsync(browser.Web, company.AdminEmail, Travellers.Password);
        using var admin = await browser.Web.SignedInClientAsync(company.AdminEmail, Travellers.Password);
        var token = await ActivatedAppAsync(admin, emmy.Id);

        await using var annasPhone = await browser.NewPhoneAsync();
        var fakturor = await annasPhone.NewPageAsync();
        await fakturor.SignInAsync(company.AdminEmail, Travellers.Password);
        await fakturor.GotoAsync("/admin/fakturor");
        await Expect(fakturor.GetByRole(AriaRole.Heading, new() { Name = $"Preliminär faktura, {Stockholm.MonthName(month)}" })).ToBeVisibleAsync();
        var lagerTotal = fakturor.Locator($"#departments tr[data-department-id=\"{lager.Id}\"] [data-amount=\"total\"]");
        await Expect(lagerTotal).ToHaveAttributeAsync("data-ore", "0");
        await Expect(fakturor.Locator("body")).ToHaveAttributeAsync("data-live", "connected");

        using var phone = browser.Web.CreateClientWithToken(token);
        using var bought = await phone.BuyAsync(BusinessTrips.Purchase($"fakturor-{Guid.NewGuid():N}", purpose: "Kundmöte i Nybro"));
        bought.EnsureSuccessStatusCode();
        var price = (await bought.ReadJsonAsync()).GetProperty("ticket").GetProperty("priceOre").GetInt64();

        await Expect(lagerTotal).ToHaveAttributeAsync("data-ore", price.ToString(CultureInfo.InvariantCulture));
        await Expect(lagerTotal).ToHaveTextAsync(Money.ToKronor(price));
        await Expect(fakturor.Locator("#invoice-live")).ToContainTextAsync($"Lager: {Money.ToKronor(price)} har tillkommit");
        await Expect(fakturor.Locator("svg.spend-chart")).ToBeVisibleAsync();
        await Expect(fakturor.GetByText("Prognosen till månadens slut", new() { Exact = false })).ToBeVisibleAsync();
        await fakturor.ScreenshotAsync(new() { Path = "/tmp/kalmar-fakturor.png", FullPage = true });

        await fakturor.GetByRole(AriaRole.Link, new() { Name = Stockholm.MonthName(lastMonth) }).ClickAsync();
        await Expect(fakturor.GetByRole(AriaRole.Heading, new() { Name = $"Faktura {number}, {Stockholm.MonthName(lastMonth)}" })).ToBeVisibleAsync();
        var total = Vat.Breakdown(LastMonthExclVatOre);
        Assert.Equal(12402, total.TotalOre);
        var pdf = PdfText.Read(await DownloadAsync(fakturor, "Faktura (PDF)"));
        Assert.Contains(number, pdf.Text, StringComparison.Ordinal);
        Assert.Contains(Money.ToKronor(total.TotalOre), pdf.Text, StringComparison.Ordinal);
        var csv = await DownloadAsync(fakturor, "Underlag (CSV)");
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), csv[..3]);
        var csvLines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Datum;Resenär;Anställningsnummer;", csvLines[0], StringComparison.Ordinal);
        var line = Assert.Single(csvLines[1..]).Split(';');
        Assert.Equal(["117,00", "7,02", "124,02"], line[^3..]); // 117 kr excl. VAT, 6 % VAT, in a Swedish Excel's decimals
        var payroll = Encoding.UTF8.GetString((await DownloadAsync(fakturor, "Löneavdrag (CSV)"))[3..]);
        Assert.Contains("Emmy Exempel;Lager;124,02;", payroll, StringComparison.Ordinal);

        await using var emmysPhone = await browser.NewPhoneAsync();
        await emmysPhone.AddInitScriptAsync($"localStorage.setItem('klt.app.token', '{token}')");
        var app = await emmysPhone.NewPageAsync();
        await app.GotoAsync("/app#/mer/kvitton");
        var receipts = app.GetByRole(AriaRole.List, new() { Name = $"Köp i {Stockholm.MonthName(month)}" });
        await Expect(receipts).ToContainTextAsync("Kundmöte i Nybro");
        await Expect(receipts).ToContainTextAsync($"varav moms 6 % {Money.ToKronor(price - (long)Math.Round(price / 1.06m, MidpointRounding.AwayFromZero))}");
        var receipt = PdfText.Read(await DownloadAsync(app, "Kvitto (PDF)"));
        Assert.Contains("Kundmöte i Nybro", receipt.Text, StringComparison.Ordinal);
        Assert.Contains(Money.ToKronor(price), receipt.Text, StringComparison.Ordinal);
    }

    /// <summary>An approved staff-offer line of last month, as the decision writes it, so that the month has something to close.</summary>
    private async Task WriteStaffOfferLineAsync(InvoiceActivity.Company company, Travellers.Traveller emmy, string month)
    {
        var department = company.Departments[0];
        var price = Vat.Breakdown(LastMonthExclVatOre);
        await Sql.ExecuteAsync(browser.Cluster,
            """
            insert into invoice_ledger (id, company_id, month, at, kind, traveller_id, traveller_name, department_id, department_name,
                                        reference, cost_centre, product, zones, amount_excl_vat_ore, vat_ore, total_ore)
            values ($1, $2, $3, $4, 'staff-offer', $5, 'Emmy Exempel', $6, $7, $8, $9, '30-dagarsbiljett, Vuxen', '{101}', $10, $11, $12)
            """,
            Guid.NewGuid(), company.Id, month, InvoiceMonth.Start(month).AddDays(14).ToUniversalTime(), emmy.Id, department.Id, department.Name,
            department.Reference, department.CostCentre, price.ExclVatOre, price.VatOre, price.TotalOre);
    }

    /// <summary>Grants the traveller business travel, activates the app with the SMS's code and adds AllPay; the app's token.</summary>
    private async Task<string> ActivatedAppAsync(HttpClient admin, Guid travellerId)
    {
        var (username, code) = await browser.Cluster.GrantForActivationAsync(admin, travellerId);
        using var activated = await browser.Web.CreateClient().ActivateAsync(username, code);
        activated.EnsureSuccessStatusCode();
        var token = (await activated.ReadJsonAsync()).GetProperty("token").GetString()!;
        using var phone = browser.Web.CreateClientWithToken(token);
        using var added = await phone.AddAllPayAsync();
        added.EnsureSuccessStatusCode();
        using var accepted = await phone.PostAsJsonAsync("/api/me/terms", new { version = TermsAcceptance.CurrentVersion });
        accepted.EnsureSuccessStatusCode();
        return token;
    }

    private static async Task<byte[]> DownloadAsync(IPage page, string link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync());
        await using var stream = await download.CreateReadStreamAsync();
        using var bytes = new MemoryStream();
        await stream.CopyToAsync(bytes);
        return bytes.ToArray();
    }
}
