using Kalmar.Contracts.Domain;

namespace Kalmar.Contracts.Model;

/// <summary>A traveller's cart ("Varukorg") with its totals (VAT summed per line).</summary>
[GenerateSerializer, Immutable, Alias("Kalmar.CartView")]
public sealed record CartView([property: Id(0)] IReadOnlyList<TicketLine> Items)
{
    public PriceBreakdown Total => Vat.Sum(Items.Select(item => item.Price));
}
