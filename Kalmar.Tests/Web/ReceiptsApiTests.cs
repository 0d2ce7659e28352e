using System.Net;
using System.Text.Json;
using Kalmar.Contracts.Domain;
using Kalmar.Silo.DemoData;
using Kalmar.Tests.Fixtures;
using Kalmar.Tests.Invoices;

namespace Kalmar.Tests.Web;

/// <summary>Mina köp and Kvitton: a traveller's business trips and approved staff offer of a month, each with a PDF receipt.</summary>
[Collection(PortalCollection.Name)]
public sealed class ReceiptsApiTests(PortalFixture portal)
{
    [Fact]
    public async Task ATravellerSeesTheirTripAndApprovedOrderToTheOreWithReceiptsOthersCannotOpen()
    {
        using var buyer = await portal.ReadyToBuyAsync();
        var (trip, order) = await BuyTripAndApprovedOrderAsync(buyer);
        var (_, stranger) = await Travellers.SignedInAsync(portal.Cluster, portal.WebA);
        using var _ = stranger;

        using var listed = await buyer.Phone.GetAsync("/api/me/purchases");
        var purchases = await listed.ReadJsonAsync();
        var items = purchases.GetProperty("items").EnumerateArray().ToList();
        var tripItem = items.Single(item => item.GetProperty("kind").GetString() == "business-trip");
        var orderItem = items.Single(item => item.GetProperty("kind").GetString() == "staff-offer");
        var tripId = tripItem.GetProperty("id").GetGuid();
        var receipt = await buyer.Phone.GetAsync($"/api/me/purchases/{tripId}/receipt.pdf");
        var pdf = PdfText.Read(await receipt.Content.ReadAsByteArrayAsync());
        using var orderReceipt = await buyer.Phone.GetAsync($"/api/me/purchases/{orderItem.GetProperty("id").GetGuid()}/receipt.pdf");
        var orderPdf = PdfText.Read(await orderReceipt.Content.ReadAsByteArrayAsync());
        using var foreign = await stranger.GetAsync($"/api/me/purchases/{tripId}/receipt.pdf");
        using var foreignList = await stranger.GetAsync("/api/me/purchases");
        using var thirteenth = await buyer.Phone.GetAsync("/api/me/purchases?month=2026-13");
        using var abc = await buyer.Phone.GetAsync("/api/me/purchases?month=abc");
        using var empty = await buyer.Phone.GetAsync("/api/me/purchases?month=2001-01");

        var month = Stockholm.MonthOf(DateTimeOffset.UtcNow);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(month, purchases.GetProperty("month").GetString());
        Assert.Equal(month, purchases.GetProperty("months").EnumerateArray().First().GetString());
        Assert.Equal(2, items.Count);
        Assert.True(items[0].GetProperty("date").GetDateTimeOffset() >= items[1].GetProperty("date").GetDateTimeOffset(), "newest first");
        Assert.Equal(trip.Id, tripId);
        Assert.Equal(trip.Price, Amounts(tripItem));
        Assert.Equal("Kundmöte i Nybro", tripItem.GetProperty("purpose").GetString());
        Assert.Equal(["101", "131"], tripItem.GetProperty("zones").EnumerateArray().Select(zone => zone.GetString()));
        Assert.Equal(order.Id, orderItem.GetProperty("id").GetGuid());
        Assert.Equal(order.Price, Amounts(orderItem));
        Assert.Equal(new PriceBreakdown(5000, 300, 5300), order.Price);
        Assert.Equal(JsonValueKind.Null, orderItem.GetProperty("purpose").ValueKind);
        var total = trip.Price + order.Price;
        Assert.Equal(total.ExclVatOre, purchases.GetProperty("amountExclVatOre").GetInt64());
        Assert.Equal(total.VatOre, purchases.GetProperty("vatOre").GetInt64());
        Assert.Equal(total.TotalOre, purchases.GetProperty("totalOre").GetInt64());

        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        Assert.Equal("application/pdf", receipt.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, pdf.Pages);
        Assert.Contains("Kvitto", pdf.Text);
        Assert.Contains(tripId.ToString(), pdf.Text);
        Assert.Contains($"Org.nr {InvoiceSeller.OrgNumber}", pdf.Text);
        Assert.Contains(buyer.Traveller.Name, pdf.Text);
        Assert.Contains("Exempel AB", pdf.Text);
        Assert.Contains("Kundmöte i Nybro", pdf.Text);
        Assert.Contains("Faktura via AllPay", pdf.Text);
        Assert.Contains("Moms 6 %", pdf.Text);
        Assert.Contains(PdfAmount(trip.Price.ExclVatOre), pdf.Text);
        Assert.Contains(PdfAmount(trip.Price.VatOre), pdf.Text);
        Assert.Contains(PdfAmount(trip.Price.TotalOre), pdf.Text);
        Assert.Contains("Personalerbjudande, faktureras arbetsgivaren", orderPdf.Text);
        Assert.Contains("53,00 kr", orderPdf.Text);

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Empty((await foreignList.ReadJsonAsync()).GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, thirteenth.StatusCode);
        Assert.Contains("ÅÅÅÅ-MM", await thirteenth.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, abc.StatusCode);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Empty((await empty.ReadJsonAsync()).GetProperty("items").EnumerateArray());
        receipt.Dispose();
    }

    [Fact]
    public async Task MinaKopListsTheMonthWithItsTotalAndReceiptLinksThatOpenWithTheCookie()
    {
        using var buyer = await portal.ReadyToBuyAsync();
        var (trip, order) = await BuyTripAndApprovedOrderAsync(buyer);
        await Terms.AcceptAsync(portal.WebA, buyer.Traveller.Email, Travellers.Password);
        using var browser = portal.WebA.CreateClient(new() { AllowAutoRedirect = false });
        (await browser.PostLoginAsync(buyer.Traveller.Email, Travellers.Password)).EnsureSuccessStatusCode();

        using var page = await browser.GetAsync("/biljetter/mina-kop");
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        using var badMonth = await browser.GetAsync("/biljetter/mina-kop?month=abc");
        using var biljetter = await browser.GetAsync("/biljetter");
        using var receipt = await browser.GetAsync($"/api/me/purchases/{order.Id}/receipt.pdf");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<h1>Mina köp</h1>", html, StringComparison.Ordinal);
        Assert.Contains(Stockholm.MonthName(Stockholm.MonthOf(DateTimeOffset.UtcNow)), html, StringComparison.Ordinal);
        Assert.Contains("Kundmöte i Nybro", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/api/me/purchases/{order.Id}/receipt.pdf\"", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("Kvitto (PDF)").Length - 1);
        Assert.Contains(Money.ToKronor((trip.Price + order.Price).TotalOre), html, StringComparison.Ordinal);
        Assert.Contains(Money.ToKronor((trip.Price + order.Price).VatOre), html, StringComparison.Ordinal);
        Assert.Contains("ÅÅÅÅ-MM", WebUtility.HtmlDecode(await badMonth.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("href=\"/biljetter/mina-kop\"", await biljetter.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        Assert.Equal(1, PdfText.Read(await receipt.Content.ReadAsByteArrayAsync()).Pages);
    }

    private sealed record Bought(Guid Id, PriceBreakdown Price);

    /// <summary>A business trip in the app on AllPay, and a staff-offer order that Anna approves.</summary>
    private async Task<(Bought Trip, Bought Order)> BuyTripAndApprovedOrderAsync(Buyer buyer)
    {
        using var bought = await buyer.Phone.BuyAsync(BusinessTrips.Purchase("kvitto", "Kundmöte i Nybro", ["101", "131"]));
        Assert.Equal(HttpStatusCode.Created, bought.StatusCode);
        var ticket = (await bought.ReadJsonAsync()).GetProperty("ticket");
        var tripTotal = ticket.GetProperty("priceOre").GetInt64();
        var submitted = await Orders.SubmitAsync(portal.Cluster.Client, buyer.Traveller, DemoAccounts.ExempelAb, DemoAccounts.Avdelning21);
        using var approved = await buyer.Anna.PostAsync($"/api/admin/orders/{submitted.Id}/approve", null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var line = submitted.Submission.Lines[0];
        var charge = Assert.Single(await Sql.ReadAsync(portal.Cluster,
            "select id, amount_excl_vat_ore, vat_ore, total_ore from credit_ledger where ticket_id = $1",
            r => new Bought(r.GetGuid(0), new PriceBreakdown(r.GetInt64(1), r.GetInt64(2), r.GetInt64(3))), ticket.GetProperty("id").GetGuid()));
        Assert.Equal(tripTotal, charge.Price.TotalOre);
        Assert.Equal(Vat.Breakdown(charge.Price.ExclVatOre), charge.Price);
        return (charge, new Bought(line.Id, line.Price));
    }

    private static PriceBreakdown Amounts(JsonElement item) => new(
        item.GetProperty("amountExclVatOre").GetInt64(), item.GetProperty("vatOre").GetInt64(), item.GetProperty("totalOre").GetInt64());

    private static string PdfAmount(long ore) => Money.ToNumber(ore) + " kr";
}
