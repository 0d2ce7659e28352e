using System.Net;
using System.Net.Http.Json;
using Kalmar.Tests.Fixtures;
using Kalmar.Web.Hubs;

namespace Kalmar.Tests.Tickets;

/// <summary>
/// "Spärra biljett": an admin in scope blocks a ticket with a reason; the traveller's connected devices get
/// <c>ticketChanged</c> at once, the ticket stays in their list as blocked and has no QR code; anyone else is refused.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class BlockTicketTests(PortalFixture portal)
{
    [Fact]
    public async Task ABlockedTicketIsPushedStaysListedAsBlockedAndLosesItsCode()
    {
        var holder = await TicketSteps.HolderAsync(portal.Cluster, portal.WebA);
        var (ticketId, _) = await TicketSteps.StaffOfferAsync(portal.Cluster.Client, holder);
        await using var phone = await LiveClient.ConnectAsync(portal.WebB, holder.Token, LiveEvents.TicketChanged);
        using var traveller = portal.WebA.CreateClientWithToken(holder.Token);
        using var codeBefore = await traveller.GetAsync($"/api/me/tickets/{ticketId}/qr");
        using var admin = await portal.WebA.SignedInClientAsync(holder.Company.AdminEmail, Travellers.Password);

        using var blocked = await admin.PostAsJsonAsync($"/api/admin/tickets/{ticketId}/block", new { reason = "Borttappad telefon" });
        var pushed = await phone.WaitForAsync(LiveEvents.TicketChanged);
        using var again = await admin.PostAsJsonAsync($"/api/admin/tickets/{ticketId}/block", new { reason = "Borttappad telefon" });
        var listed = (await traveller.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/me/tickets")).EnumerateArray()
            .Single(ticket => ticket.GetProperty("id").GetGuid() == ticketId);
        using var codeAfter = await traveller.GetAsync($"/api/me/tickets/{ticketId}/qr");
        var details = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/admin/travellers/{holder.Traveller.Id}");

        Assert.Equal(HttpStatusCode.OK, codeBefore.StatusCode);
        Assert.Equal(HttpStatusCode.OK, blocked.StatusCode);
        Assert.Equal("blocked", (await blocked.ReadJsonAsync()).GetProperty("status").GetString());
        Assert.Equal(ticketId, pushed.GetProperty("id").GetGuid());
        Assert.Equal("blocked", pushed.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("blocked", listed.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, codeAfter.StatusCode);
        Assert.Equal("blocked", await TicketSteps.StatusAsync(portal.Cluster, ticketId));
        var audited = details.GetProperty("history").EnumerateArray().Where(entry => entry.GetProperty("action").GetString() == "ticket-blocked").ToList();
        Assert.Single(audited); // blocking again changed nothing
        Assert.Contains("Borttappad telefon", audited[0].GetProperty("after").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyAnAdminInScopeMayBlockAndOnlyWithAReason()
    {
        var holder = await TicketSteps.HolderAsync(portal.Cluster, portal.WebA);
        var (ticketId, _) = await TicketSteps.StaffOfferAsync(portal.Cluster.Client, holder);
        var otherCompany = await Companies.CreateAsync(portal.Cluster.Client);
        using var otherCompanyAdmin = await portal.WebA.SignedInClientAsync(otherCompany.AdminEmail, Travellers.Password);
        using var otherDepartmentAdmin = await TicketSteps.DepartmentAdminAsync(
            portal.Cluster, portal.WebA, holder.Company.Id, holder.Company.OtherDepartmentId);
        using var ownDepartmentAdmin = await TicketSteps.DepartmentAdminAsync(portal.Cluster, portal.WebA, holder.Company.Id, holder.Company.DepartmentId);
        using var traveller = portal.WebA.CreateClientWithToken(holder.Token);
        var block = $"/api/admin/tickets/{ticketId}/block";
        var reason = new { reason = "Slutat" };

        using var byOtherCompany = await otherCompanyAdmin.PostAsJsonAsync(block, reason);
        using var byOtherDepartment = await otherDepartmentAdmin.PostAsJsonAsync(block, reason);
        using var byTraveller = await traveller.PostAsJsonAsync(block, reason);
        using var unknownTicket = await ownDepartmentAdmin.PostAsJsonAsync($"/api/admin/tickets/{Guid.NewGuid()}/block", reason);
        using var withoutReason = await ownDepartmentAdmin.PostAsJsonAsync(block, new { reason = "  " });
        using var withoutBody = await ownDepartmentAdmin.PostAsync(block, null);
        using var tooLong = await ownDepartmentAdmin.PostAsJsonAsync(block, new { reason = new string('x', 501) });
        var statusAfterRefusals = await TicketSteps.StatusAsync(portal.Cluster, ticketId);
        using var byOwnDepartment = await ownDepartmentAdmin.PostAsJsonAsync(block, reason);

        Assert.Equal(HttpStatusCode.NotFound, byOtherCompany.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOtherDepartment.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byTraveller.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownTicket.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.True((await withoutReason.ReadJsonAsync()).GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.BadRequest, withoutBody.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal("active", statusAfterRefusals);
        Assert.Equal(HttpStatusCode.OK, byOwnDepartment.StatusCode);
    }

    [Fact]
    public async Task DeactivatingWithBlockTicketsBlocksEveryCurrentTicketEachAudited()
    {
        var holder = await TicketSteps.HolderAsync(portal.Cluster, portal.WebA);
        var (first, _) = await TicketSteps.StaffOfferAsync(portal.Cluster.Client, holder);
        var (second, _) = await TicketSteps.StaffOfferAsync(portal.Cluster.Client, holder, 23400);
        await TicketSteps.StartsAtAsync(portal.Cluster, second, DateTimeOffset.UtcNow.AddDays(7)); // bought for later: still current
        var (expired, _) = await TicketSteps.StaffOfferAsync(portal.Cluster.Client, holder);
        await TicketSteps.StartsAtAsync(portal.Cluster, expired, DateTimeOffset.UtcNow.AddDays(-3));
        using var admin = await portal.WebA.SignedInClientAsync(holder.Company.AdminEmail, Travellers.Password);

        using var deactivated = await admin.PostAsJsonAsync($"/api/admin/travellers/{holder.Traveller.Id}/deactivate", new { blockTickets = true });
        var details = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/admin/travellers/{holder.Traveller.Id}");

        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        Assert.Equal("inactive", (await deactivated.ReadJsonAsync()).GetProperty("status").GetString());
        Assert.Equal("blocked", await TicketSteps.StatusAsync(portal.Cluster, first));
        Assert.Equal("blocked", await TicketSteps.StatusAsync(portal.Cluster, second));
        Assert.Equal("active", await TicketSteps.StatusAsync(portal.Cluster, expired)); // nothing left to block
        Assert.Equal(2, details.GetProperty("history").EnumerateArray().Count(entry => entry.GetProperty("action").GetString() == "ticket-blocked"));
    }

    [Fact]
    public async Task DeactivatingWithoutTheOptionLeavesTheTicketsAsTheyAre()
    {
        var holder = await TicketSteps.HolderAsync(portal.Cluster, portal.WebA);
        var (ticketId, _) = await TicketSteps.StaffOfferAsync(portal.Cluster.Client, holder);
        using var admin = await portal.WebA.SignedInClientAsync(holder.Company.AdminEmail, Travellers.Password);

        using var deactivated = await admin.PostAsync($"/api/admin/travellers/{holder.Traveller.Id}/deactivate", null);

        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        Assert.Equal("active", await TicketSteps.StatusAsync(portal.Cluster, ticketId));
    }
}
