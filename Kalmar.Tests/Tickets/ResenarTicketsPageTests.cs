using System.Net;
using Kalmar.Contracts.Domain;
using Kalmar.Tests.Fixtures;
using Kalmar.Tests.Invoices;

namespace Kalmar.Tests.Tickets;

/// <summary>
/// The traveller's page in the admin's portal: "Spärra biljett" with a labelled reason, "Återkalla biljett" for a ticket
/// not yet started after a confirmation that states the credit, and deactivation that offers to block every ticket.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ResenarTicketsPageTests(PortalFixture portal)
{
    [Fact]
    public async Task SparraBiljettNeedsAReasonThenShowsTheTicketAsSparradToAdminAndTraveller()
    {
        var holder = await TicketSteps.HolderAsync(portal.Cluster, portal.WebA);
        var (ticketId, _) = await TicketSteps.StaffOfferAsync(portal.Cluster.Client, holder);
        using var admin = await Operators.BrowserAsync(portal.WebA, holder.Company.AdminEmail);
        var page = $"/admin/resenarer/{holder.Traveller.Id}";
        using var shown = await admin.GetAsync(page);
        var before = await TextAsync(shown);
        var token = await PageForms.TokenAsync(shown);

        using var withoutReason = await admin.PostAsync($"{page}?handler=BlockTicket", PageForms.Form(token, ("ticketId", ticketId.ToString()), ("reason", "")));
        var refused = await TextAsync(withoutReason);
        var statusAfterRefusal = await TicketSteps.StatusAsync(portal.Cluster, ticketId);
        using var blocked = await admin.PostAsync($"{page}?handler=BlockTicket", PageForms.Form(token, ("ticketId", ticketId.ToString()), ("reason", "Borttappad telefon")));
        var after = await TextAsync(blocked);
        using var traveller = await Operators.BrowserAsync(portal.WebA, holder.Traveller.Email);
        var startsida = await TextAsync(await traveller.GetAsync("/"));

        Assert.Contains($"<label for=\"reason-{ticketId:N}\">Skäl för spärren</label>", before, StringComparison.Ordinal);
        Assert.Contains("Spärra biljett</button>", before, StringComparison.Ordinal);
        Assert.DoesNotContain("Återkalla biljett", before, StringComparison.Ordinal); // valid from its approval: already started
        Assert.Equal(HttpStatusCode.OK, withoutReason.StatusCode);
        Assert.Contains("Ange varför biljetten spärras", refused, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", refused, StringComparison.Ordinal);
        Assert.Equal("active", statusAfterRefusal);
        Assert.Contains("Biljetten Enkelbiljett är spärrad.", after, StringComparison.Ordinal);
        Assert.Contains($"data-ticket-id=\"{ticketId}\" data-status=\"blocked\"", after, StringComparison.Ordinal);
        Assert.Contains("<dd class=\"ticket-status\">Spärrad</dd>", after, StringComparison.Ordinal);
        Assert.Contains("Biljett spärrad", after, StringComparison.Ordinal); // the history
        Assert.Contains("<strong>Spärrad</strong>", startsida, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AterkallaBiljettStatesTheCreditBeforeItRecalls()
    {
        var holder = await TicketSteps.HolderAsync(portal.Cluster, portal.WebA);
        var (ticketId, price) = await TicketSteps.StaffOfferAsync(portal.Cluster.Client, holder, 35000);
        await TicketSteps.StartsAtAsync(portal.Cluster, ticketId, DateTimeOffset.UtcNow.AddDays(3));
        using var admin = await Operators.BrowserAsync(portal.WebA, holder.Company.AdminEmail);
        var page = $"/admin/resenarer/{holder.Traveller.Id}";
        var month = Stockholm.MonthName(Stockholm.MonthOf(DateTimeOffset.UtcNow));

        var offered = await TextAsync(await admin.GetAsync(page));
        using var confirming = await admin.GetAsync($"{page}?aterkalla={ticketId}");
        var confirmation = await TextAsync(confirming);
        using var recalled = await admin.PostAsync($"{page}?handler=RecallTicket",
            PageForms.Form(await PageForms.TokenAsync(confirming), ("ticketId", ticketId.ToString())));
        var after = await TextAsync(recalled);

        Assert.Contains($"href=\"{page}?aterkalla={ticketId}#biljetter\"", offered, StringComparison.Ordinal);
        Assert.Contains("Återkalla biljett</a>", offered, StringComparison.Ordinal);
        Assert.Contains($"Företaget krediteras {Money.ToKronor(price.TotalOre)} på fakturan för {month}.", confirmation, StringComparison.Ordinal);
        Assert.Contains("Ja, återkalla biljetten", confirmation, StringComparison.Ordinal);
        Assert.Contains("Biljetten Enkelbiljett är återkallad.", after, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-ticket-id=\"{ticketId}\"", after, StringComparison.Ordinal);
        Assert.Equal("recalled", await TicketSteps.StatusAsync(portal.Cluster, ticketId));
    }

    [Fact]
    public async Task TheDeactivationStepOffersToBlockEveryTicket()
    {
        var holder = await TicketSteps.HolderAsync(portal.Cluster, portal.WebA);
        var (ticketId, _) = await TicketSteps.StaffOfferAsync(portal.Cluster.Client, holder);
        using var admin = await Operators.BrowserAsync(portal.WebA, holder.Company.AdminEmail);
        var page = $"/admin/resenarer/{holder.Traveller.Id}";
        using var confirming = await admin.GetAsync($"{page}?bekrafta=avaktivera");
        var confirmation = await TextAsync(confirming);

        using var deactivated = await admin.PostAsync($"{page}?handler=Deactivate",
            PageForms.Form(await PageForms.TokenAsync(confirming), ("blockTickets", "true")));

        Assert.Contains("<label for=\"blockTickets\">Spärra även resenärens biljetter</label>", confirmation, StringComparison.Ordinal);
        Assert.Contains("Resenärens biljetter är spärrade.", await TextAsync(deactivated), StringComparison.Ordinal);
        Assert.Equal("blocked", await TicketSteps.StatusAsync(portal.Cluster, ticketId));
    }

    private static async Task<string> TextAsync(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }
}
