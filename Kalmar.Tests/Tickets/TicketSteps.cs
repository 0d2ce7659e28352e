using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Model;
using Kalmar.Tests.Fixtures;

namespace Kalmar.Tests.Tickets;

/// <summary>Tickets to block and recall, issued through the grains to a traveller of a fresh company, and the SQL to move their validity.</summary>
public static class TicketSteps
{
    /// <summary>A fresh company and one of its travellers in its first department, signed in (bearer token).</summary>
    public sealed record Holder(Companies.Company Company, Travellers.Traveller Traveller, string Token);

    public static async Task<Holder> HolderAsync(KalmarCluster cluster, KalmarWebFactory web)
    {
        var company = await Companies.CreateAsync(cluster.Client);
        var traveller = await Travellers.CreateAsync(cluster.Client, company.Id, company.DepartmentId);
        return new Holder(company, traveller, await web.CreateClient().LoginForTokenAsync(traveller.Email, Travellers.Password));
    }

    /// <summary>An Enkelbiljett of <paramref name="exclVatOre"/> on an order the company's admin approved; its ticket has the line's id.</summary>
    public static Task<(Guid TicketId, PriceBreakdown Price)> StaffOfferAsync(IClusterClient cluster, Holder holder, long exclVatOre = 11700) =>
        StaffOfferAsync(cluster, holder.Company, holder.Traveller, exclVatOre);

    /// <inheritdoc cref="StaffOfferAsync(IClusterClient, Holder, long)"/>
    public static async Task<(Guid TicketId, PriceBreakdown Price)> StaffOfferAsync(
        IClusterClient cluster, Companies.Company company, Travellers.Traveller traveller, long exclVatOre = 11700)
    {
        var line = new TicketLine(
            Guid.NewGuid(), "20261130|110-VARDAG-0-0800:1:9", "Kalmar C", "Nybro station", DateTimeOffset.UtcNow, ["101", "131"],
            "enkel", "Enkelbiljett", "vuxen", "Vuxen", new Carrier(CarrierType.App, Travellers.Mobile), Vat.Breakdown(exclVatOre));
        var order = cluster.GetGrain<IOrderGrain>(Guid.NewGuid());
        await order.SubmitAsync(new OrderSubmission(
            traveller.Id, traveller.Name, traveller.Email, Travellers.Mobile, company.Id, company.DepartmentId, "Lager", [line], DateTimeOffset.UtcNow));
        Assert.Null((await order.DecideAsync(new OrderDecision(true, company.AdminId, "Ada Admin", null))).Rejection);
        return (line.Id, line.Price);
    }

    /// <summary>A business trip on AllPay (granted and added first, if need be); answers its ticket and the credit after it.</summary>
    public static async Task<BusinessTripReceipt> BusinessTripAsync(IClusterClient cluster, Guid travellerId)
    {
        var travel = cluster.GetGrain<IBusinessTravelGrain>(travellerId);
        if (!(await travel.GetAsync()).Enabled)
        {
            Assert.Null((await travel.GrantAsync(true, 100_000)).Rejection);
            Assert.Null((await travel.AddAllPayAsync()).Rejection);
        }

        var bought = await travel.BuyAsync(new BusinessTripPurchase(Guid.NewGuid().ToString("N"), "enkel", "vuxen", ["101"], "Kundmöte"));
        Assert.Null(bought.Rejection);
        return bought.Value!;
    }

    /// <summary>Makes the ticket start at <paramref name="validFrom"/> (as a 30-dagars chosen to start later would), lasting a day.</summary>
    public static Task StartsAtAsync(KalmarCluster cluster, Guid ticketId, DateTimeOffset validFrom) =>
        Sql.ReadAsync(cluster, "update tickets set valid_from = $2, valid_to = $3 where id = $1 returning id", row => row.GetGuid(0),
            ticketId, validFrom.ToUniversalTime(), validFrom.AddDays(1).ToUniversalTime());

    public static async Task<string> StatusAsync(KalmarCluster cluster, Guid ticketId) =>
        (await Sql.ReadAsync(cluster, "select status from tickets where id = $1", row => row.GetString(0), ticketId)).Single();

    /// <summary>The credits written for a ticket, in either ledger: (where, month, total öre).</summary>
    public static Task<List<(string Ledger, string Month, long TotalOre)>> CreditsAsync(KalmarCluster cluster, Guid ticketId) =>
        Sql.ReadAsync(cluster,
            """
            select 'credit_ledger', month, total_ore from credit_ledger where ticket_id = $1 and kind = 'refund'
            union all select 'invoice_ledger', month, total_ore from invoice_ledger where ticket_id = $1 and kind = 'credit'
            """,
            row => (row.GetString(0), row.GetString(1), row.GetInt64(2)), ticketId);

    /// <summary>A department admin of <paramref name="departmentId"/> in <paramref name="companyId"/>, signed in.</summary>
    public static async Task<HttpClient> DepartmentAdminAsync(KalmarCluster cluster, KalmarWebFactory web, Guid companyId, Guid departmentId)
    {
        var id = Guid.NewGuid();
        var email = $"avdelningsadmin-{id:N}@example.se";
        await cluster.Client.GetGrain<IUserGrain>(id).CreateAsync(new NewUser(
            "Dana", "Avdelning", email, Travellers.Mobile, companyId, departmentId, [Role.Traveller, Role.DepartmentAdmin], [departmentId],
            Travellers.Password));
        return await web.SignedInClientAsync(email, Travellers.Password);
    }
}
