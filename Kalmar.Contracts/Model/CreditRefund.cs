using Kalmar.Contracts.Domain;

namespace Kalmar.Contracts.Model;

/// <summary>
/// A recalled business trip's price, back to the credit account it was charged to in <paramref name="ChargedMonth"/>.
/// The account records it once per ticket, in the same transaction as the ticket's recall, its audit entry
/// (by <paramref name="Actor"/>) and the notice to the traveller (at <paramref name="TravellerEmail"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("Kalmar.CreditRefund")]
public sealed record CreditRefund(
    [property: Id(0)] Ticket Ticket,
    [property: Id(1)] string ChargedMonth,
    [property: Id(2)] Guid CompanyId,
    [property: Id(3)] Guid DepartmentId,
    [property: Id(4)] string Product,
    [property: Id(5)] string Purpose,
    [property: Id(6)] PriceBreakdown Price,
    [property: Id(7)] Actor Actor,
    [property: Id(8)] string TravellerName,
    [property: Id(9)] string TravellerEmail);
