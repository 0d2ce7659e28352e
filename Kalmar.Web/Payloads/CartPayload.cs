using Kalmar.Contracts.Model;

namespace Kalmar.Web.Payloads;

public sealed record CartPayload(IReadOnlyList<TicketLinePayload> Items, long SubtotalOre, long VatOre, long TotalOre)
{
    public static CartPayload Of(CartView cart)
    {
        var total = cart.Total;
        return new([.. cart.Items.Select(TicketLinePayload.Of)], total.ExclVatOre, total.VatOre, total.TotalOre);
    }
}
