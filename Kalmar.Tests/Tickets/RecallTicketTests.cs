using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Kalmar.Contracts.Domain;
using Kalmar.Tests.Fixtures;
using Kalmar.Tests.Invoices;
using Kalmar.Web.Hubs;

namespace Kalmar.Tests.Tickets;

/// <summary>
/// "Återkalla biljett": a ticket whose validity has not started is recalled and the company credited once, however
/// often or concurrently it is asked: a staff offer as a credit line on this month's invoice, a business trip of this
/// month back to the traveller's credit (the reconciliation still balancing); a started ticket is refused.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class RecallTicketTests(PortalFixture portal)
{
    [Fact]
    public async Task ARecalledStaffOfferIsACreditLineOnThisMonthsInvoiceAndLeavesTheTravellersList()
    {
        var holder = await TicketSteps.HolderAsync(portal.Cluster, portal.WebA);
        var (ticketId, price) = await TicketSteps.StaffOfferAsync(portal.Cluster.Client, holder, 35000);
        await TicketSteps.StartsAtAsync(portal.Cluster, ticketId, DateTimeOffset.UtcNow.AddDays(7));
        await using var phone = await LiveClient.ConnectAsync(portal.WebB, holder.Token, LiveEvents.TicketChanged);
        using var traveller = portal.WebA.CreateClientWithToken(holder.Token);
        var adminToken = await portal.WebA.CreateClient().LoginForTokenAsync(holder.Company.AdminEmail, Travellers.Password);
        using var admin = portal.WebA.CreateClientWithToken(adminToken);
        await using var fakturor = await LiveClient.ConnectAsync(portal.WebB, adminToken, LiveEvents.InvoiceChanged);
        var month = Stockholm.MonthOf(DateTimeOffset.UtcNow);

        using var recalled = await admin.PostAsync($"/api/admin/tickets/{ticketId}/recall", null);
        var pushed = await phone.WaitForAsync(LiveEvents.TicketChanged);
        var credited = await fakturor.WaitForAsync(LiveEvents.InvoiceChanged, change => change.GetProperty("addedTotalOre").GetInt64() < 0);
        var invoice = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/invoices/{month}");
        var listed = await traveller.GetFromJsonAsync<JsonElement>("/api/me/tickets");
        var notice = await OutboxReader.ToAsync(portal.Cluster, holder.Traveller.Email);

        Assert.Equal(HttpStatusCode.OK, recalled.StatusCode);
        var answer = await recalled.ReadJsonAsync();
        Assert.Equal("recalled", answer.GetProperty("ticket").GetProperty("status").GetString());
        Assert.Equal("invoice", answer.GetProperty("credit").GetProperty("to").GetString());
        Assert.Equal(price.TotalOre, answer.GetProperty("credit").GetProperty("totalOre").GetInt64());
        Assert.Equal("recalled", pushed.GetProperty("status").GetString());
        Assert.Equal((month, holder.Company.DepartmentId, -price.TotalOre), (
            credited.GetProperty("month").GetString(), credited.GetProperty("departmentId").GetGuid(), credited.GetProperty("addedTotalOre").GetInt64()));
        var credit = Assert.Single(invoice.GetProperty("lines").EnumerateArray(), line => line.GetProperty("kind").GetString() == "credit");
        Assert.Equal((-price.ExclVatOre, -price.VatOre, -price.TotalOre), (
            credit.GetProperty("amountExclVatOre").GetInt64(), credit.GetProperty("vatOre").GetInt64(), credit.GetProperty("totalOre").GetInt64()));
        Assert.Equal(0, invoice.GetProperty("totalOre").GetInt64()); // the order and its credit
        Assert.DoesNotContain(listed.EnumerateArray(), ticket => ticket.GetProperty("id").GetGuid() == ticketId);
        Assert.Single(notice, message => message.Subject == "Din biljett har återkallats");
    }

    [Fact]
    public async Task ARecalledBusinessTripOfThisMonthGoesBackToTheCreditAccountAndTheReconciliationBalances()
    {
        var holder = await TicketSteps.HolderAsync(portal.Cluster, portal.WebA);
        var kept = await TicketSteps.BusinessTripAsync(portal.Cluster.Client, holder.Traveller.Id);
        var bought = await TicketSteps.BusinessTripAsync(portal.Cluster.Client, holder.Traveller.Id);
        await TicketSteps.StartsAtAsync(portal.Cluster, bought.Ticket.Id, DateTimeOffset.UtcNow.AddHours(5));
        await using var phone = await LiveClient.ConnectAsync(portal.WebB, holder.Token, LiveEvents.CreditChanged, LiveEvents.TicketChanged);
        using var admin = await portal.WebA.SignedInClientAsync(holder.Company.AdminEmail, Travellers.Password);
        using var olle = await portal.WebA.SignedInClientAsync(await Operators.CreateAsync(portal.Cluster.Client), Travellers.Password);
        var month = Stockholm.MonthOf(DateTimeOffset.UtcNow);

        using var recalled = await admin.PostAsync($"/api/admin/tickets/{bought.Ticket.Id}/recall", null);
        var credit = await phone.WaitForAsync(LiveEvents.CreditChanged);
        var changed = await phone.WaitForAsync(LiveEvents.TicketChanged);
        using var app = portal.WebA.CreateClientWithToken(holder.Token);
        var account = await app.GetFromJsonAsync<JsonElement>("/api/app/credit");
        var invoice = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/invoices/{month}");
        using var run = await olle.PostAsync("/api/operator/reconciliation", null);
        var reconciliation = await run.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, recalled.StatusCode);
        Assert.Equal("credit-account", (await recalled.ReadJsonAsync()).GetProperty("credit").GetProperty("to").GetString());
        Assert.Equal(bought.Credit.UsedOre - bought.Ticket.PriceOre, credit.GetProperty("usedOre").GetInt64());
        Assert.Equal(kept.Ticket.PriceOre, credit.GetProperty("usedOre").GetInt64());
        Assert.Equal(kept.Ticket.PriceOre, account.GetProperty("usedOre").GetInt64());
        Assert.Equal("recalled", changed.GetProperty("status").GetString());
        var lines = invoice.GetProperty("lines").EnumerateArray()
            .Select(line => (Kind: line.GetProperty("kind").GetString()!, TotalOre: line.GetProperty("totalOre").GetInt64())).Order().ToList();
        List<(string Kind, long TotalOre)> expected =
            [("business-trip", kept.Ticket.PriceOre), ("business-trip", bought.Ticket.PriceOre), ("credit", -bought.Ticket.PriceOre)];
        Assert.Equal(expected, lines);
        Assert.Equal(kept.Ticket.PriceOre, invoice.GetProperty("totalOre").GetInt64());
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.DoesNotContain(reconciliation.GetProperty("mismatches").EnumerateArray(), mismatch => mismatch.GetProperty("travellerId").GetGuid() == holder.Traveller.Id);
    }

    [Fact]
    public async Task RecallingTwiceOrConcurrentlyCreditsOnce()
    {
        var holder = await TicketSteps.HolderAsync(portal.Cluster, portal.WebA);
        var (staffOffer, price) = await TicketSteps.StaffOfferAsync(portal.Cluster.Client, holder);
        var trip = (await TicketSteps.BusinessTripAsync(portal.Cluster.Client, holder.Traveller.Id)).Ticket;
        var later = DateTimeOffset.UtcNow.AddDays(2);
        await TicketSteps.StartsAtAsync(portal.Cluster, staffOffer, later);
        await TicketSteps.StartsAtAsync(portal.Cluster, trip.Id, later);
        using var onA = await portal.WebA.SignedInClientAsync(holder.Company.AdminEmail, Travellers.Password);
        using var onB = await portal.WebB.SignedInClientAsync(holder.Company.AdminEmail, Travellers.Password);

        HttpResponseMessage[] concurrent =
        [
            .. await Task.WhenAll(
                onA.PostAsync($"/api/admin/tickets/{staffOffer}/recall", null), onB.PostAsync($"/api/admin/tickets/{staffOffer}/recall", null),
                onA.PostAsync($"/api/admin/tickets/{trip.Id}/recall", null), onB.PostAsync($"/api/admin/tickets/{trip.Id}/recall", null)),
        ];
        using var again = await onA.PostAsync($"/api/admin/tickets/{trip.Id}/recall", null);
        var account = await portal.Cluster.Client.GetGrain<Kalmar.Contracts.Abstractions.ICreditAccountGrain>(holder.Traveller.Id).GetAsync();

        Assert.All(concurrent, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(trip.PriceOre, (await again.ReadJsonAsync()).GetProperty("credit").GetProperty("totalOre").GetInt64());
        var staffOfferCredit = Assert.Single(await TicketSteps.CreditsAsync(portal.Cluster, staffOffer));
        Assert.Equal(("invoice_ledger", -price.TotalOre), (staffOfferCredit.Ledger, staffOfferCredit.TotalOre));
        var tripCredit = Assert.Single(await TicketSteps.CreditsAsync(portal.Cluster, trip.Id));
        Assert.Equal(("credit_ledger", -trip.PriceOre), (tripCredit.Ledger, tripCredit.TotalOre));
        Assert.Equal(0, account.UsedOre);
        var audits = await Sql.ReadAsync(portal.Cluster, "select count(*) from audit_log where target_id = $1 and action = 'ticket-recalled'",
            row => row.GetInt64(0), holder.Traveller.Id);
        Assert.Equal(2, audits.Single());
        foreach (var answer in concurrent)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task AStartedTicketIsInUseAndARecalledOneCannotBeBlocked()
    {
        var holder = await TicketSteps.HolderAsync(portal.Cluster, portal.WebA);
        var (started, _) = await TicketSteps.StaffOfferAsync(portal.Cluster.Client, holder);
        var (notYet, _) = await TicketSteps.StaffOfferAsync(portal.Cluster.Client, holder);
        await TicketSteps.StartsAtAsync(portal.Cluster, notYet, DateTimeOffset.UtcNow.AddDays(1));
        var otherCompany = await Companies.CreateAsync(portal.Cluster.Client);
        using var stranger = await portal.WebA.SignedInClientAsync(otherCompany.AdminEmail, Travellers.Password);
        using var traveller = portal.WebA.CreateClientWithToken(holder.Token);
        using var admin = await portal.WebA.SignedInClientAsync(holder.Company.AdminEmail, Travellers.Password);

        using var inUse = await admin.PostAsync($"/api/admin/tickets/{started}/recall", null);
        using var byStranger = await stranger.PostAsync($"/api/admin/tickets/{notYet}/recall", null);
        using var byTraveller = await traveller.PostAsync($"/api/admin/tickets/{notYet}/recall", null);
        using var recalled = await admin.PostAsync($"/api/admin/tickets/{notYet}/recall", null);
        using var blockRecalled = await admin.PostAsJsonAsync($"/api/admin/tickets/{notYet}/block", new { reason = "Borttappad" });

        Assert.Equal(HttpStatusCode.Conflict, inUse.StatusCode);
        Assert.Equal("ticket-in-use", (await inUse.ReadJsonAsync()).GetProperty("type").GetString());
        Assert.Equal("active", await TicketSteps.StatusAsync(portal.Cluster, started));
        Assert.Empty(await TicketSteps.CreditsAsync(portal.Cluster, started));
        Assert.Equal(HttpStatusCode.NotFound, byStranger.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byTraveller.StatusCode);
        Assert.Equal(HttpStatusCode.OK, recalled.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, blockRecalled.StatusCode);
        Assert.Equal("ticket-recalled", (await blockRecalled.ReadJsonAsync()).GetProperty("type").GetString());
    }
}
