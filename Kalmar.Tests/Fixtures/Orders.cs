using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Model;

namespace Kalmar.Tests.Fixtures;

/// <summary>Pending orders made straight through the order grain, for tests about deciding them.</summary>
public static class Orders
{
    public static async Task<OrderView> SubmitAsync(IClusterClient cluster, Travellers.Traveller traveller, Guid companyId, Guid departmentId)
    {
        var line = new TicketLine(
            Guid.NewGuid(), "20261130|110-VARDAG-0-0800:1:9", "Kalmar C", "Nybro station", DateTimeOffset.UtcNow, ["101", "131"],
            "enkel", "Enkelbiljett", "vuxen", "Vuxen", new Carrier(CarrierType.App, Travellers.Mobile), Vat.Breakdown(5000));
        var submission = new OrderSubmission(
            traveller.Id, traveller.Name, traveller.Email, Travellers.Mobile, companyId, departmentId, "Avdelning", [line], DateTimeOffset.UtcNow);
        var orderId = Guid.NewGuid();
        var order = await cluster.GetGrain<IOrderGrain>(orderId).SubmitAsync(submission);
        await cluster.GetGrain<IUserGrain>(traveller.Id).RecordOrderAsync(orderId);
        return order;
    }
}
