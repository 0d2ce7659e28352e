using System.Net;
using System.Text.Json;
using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Domain;
using Kalmar.Grains.Invoices;
using Kalmar.Tests.Fixtures;
using Kalmar.Tests.Invoices;

namespace Kalmar.Tests.Tickets;

/// <summary>
/// A recall after its month was closed, on the fake business clock: the closed invoice stays exactly as it was, and the
/// credit is a line of the month of the recall, which the next close invoices. A business trip of the closed month is
/// credited on the invoice too: that month's credit account is not reopened.
/// </summary>
[Collection(InvoiceCollection.Name)]
public sealed class RecallAfterMonthCloseTests(InvoiceFixture fixture)
{
    private IClusterClient Cluster => fixture.Cluster.Client;

    [Fact]
    public async Task AClosedInvoiceIsUnchangedByALaterRecallWhichIsACreditLineOnTheNextInvoice()
    {
        var month = InvoiceActivity.MoveToFreshMonth();
        var next = InvoiceMonth.Next(month);
        var invoiced = await InvoiceActivity.CreateCompanyAsync(Cluster);
        var company = new Companies.Company(invoiced.Id, invoiced.Departments[0].Id, invoiced.Departments[1].Id, invoiced.AdminId, invoiced.AdminEmail);
        var traveller = await Travellers.CreateAsync(Cluster, company.Id, company.DepartmentId);
        var (staffOffer, staffOfferPrice) = await TicketSteps.StaffOfferAsync(Cluster, company, traveller, 150000);
        var trip = (await TicketSteps.BusinessTripAsync(Cluster, traveller.Id)).Ticket;
        var startsNextMonth = InvoiceMonth.Start(next) + TimeSpan.FromDays(20); // a 30-dagars from a chosen start date
        await TicketSteps.StartsAtAsync(fixture.Cluster, staffOffer, startsNextMonth);
        await TicketSteps.StartsAtAsync(fixture.Cluster, trip.Id, startsNextMonth);
        InvoiceActivity.MoveToEndOf(month, InvoiceGrain.Grace + TimeSpan.FromSeconds(1));
        Assert.Single(await Cluster.GetGrain<IInvoiceGrain>(company.Id).CloseDueMonthsAsync());
        using var admin = await fixture.Web.SignedInClientAsync(company.AdminEmail, Travellers.Password);
        var closedBefore = await admin.GetStringAsync($"/api/admin/invoices/{month}");
        TestClock.Instance.Advance(TimeSpan.FromDays(2));

        using var recalledStaffOffer = await admin.PostAsync($"/api/admin/tickets/{staffOffer}/recall", null);
        using var recalledTrip = await admin.PostAsync($"/api/admin/tickets/{trip.Id}/recall", null);
        var closedAfter = await admin.GetStringAsync($"/api/admin/invoices/{month}");
        var open = JsonDocument.Parse(await admin.GetStringAsync($"/api/admin/invoices/{next}")).RootElement;
        var account = await Cluster.GetGrain<ICreditAccountGrain>(traveller.Id).GetAsync();
        InvoiceActivity.MoveToEndOf(next, InvoiceGrain.Grace + TimeSpan.FromSeconds(1));
        var nextNumbers = await Cluster.GetGrain<IInvoiceGrain>(company.Id).CloseDueMonthsAsync();
        using var adminNextMonth = await fixture.Web.SignedInClientAsync(company.AdminEmail, Travellers.Password); // the first sign-in has run its 30 days
        var nextClosed = JsonDocument.Parse(await adminNextMonth.GetStringAsync($"/api/admin/invoices/{next}")).RootElement;

        Assert.Equal(HttpStatusCode.OK, recalledStaffOffer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, recalledTrip.StatusCode);
        Assert.Equal("invoice", (await recalledTrip.ReadJsonAsync()).GetProperty("credit").GetProperty("to").GetString());
        Assert.Equal(closedBefore, closedAfter);
        Assert.Equal(staffOfferPrice.TotalOre + trip.PriceOre, JsonDocument.Parse(closedAfter).RootElement.GetProperty("totalOre").GetInt64());
        Assert.Equal("open", open.GetProperty("status").GetString());
        var credits = open.GetProperty("lines").EnumerateArray()
            .Select(line => (Kind: line.GetProperty("kind").GetString()!, TotalOre: line.GetProperty("totalOre").GetInt64())).Order().ToList();
        List<(string Kind, long TotalOre)> expected = [("credit", -staffOfferPrice.TotalOre), ("credit", -trip.PriceOre)];
        Assert.Equal(expected.Order(), credits);
        Assert.Equal(0, account.UsedOre); // the new month's credit is untouched; the closed month's is not reopened
        Assert.Equal(trip.PriceOre, await LedgerSumAsync(traveller.Id, month));
        Assert.Single(nextNumbers);
        Assert.Equal("closed", nextClosed.GetProperty("status").GetString());
        Assert.Equal(-(staffOfferPrice.TotalOre + trip.PriceOre), nextClosed.GetProperty("totalOre").GetInt64());
        Assert.Equal(-(staffOfferPrice.VatOre + Vat.On(ExclVat(trip.PriceOre))), nextClosed.GetProperty("vatOre").GetInt64());
    }

    private async Task<long> LedgerSumAsync(Guid travellerId, string month) =>
        (await Sql.ReadAsync(fixture.Cluster, "select coalesce(sum(total_ore), 0)::bigint from credit_ledger where traveller_id = $1 and month = $2",
            row => row.GetInt64(0), travellerId, month)).Single();

    /// <summary>The price excl. VAT of a total (prices are whole öre excl. VAT, so the split is unique).</summary>
    private static long ExclVat(long totalOre) => (long)Math.Round(totalOre / 1.06m, MidpointRounding.AwayFromZero);
}
