using Kalmar.Contracts.Domain;

namespace Kalmar.Contracts.Model;

/// <summary>
/// A recalled ticket and how the company was credited for it: back to the traveller's credit account (a business trip
/// of the current month) or as a credit line on the invoice of <paramref name="Month"/> (everything else).
/// <paramref name="Credited"/> is the amount given back, positive.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kalmar.RecalledTicket")]
public sealed record RecalledTicket(
    [property: Id(0)] Ticket Ticket,
    [property: Id(1)] string CreditedTo,
    [property: Id(2)] string Month,
    [property: Id(3)] PriceBreakdown Credited)
{
    public const string ToCreditAccount = "credit-account";
    public const string ToInvoice = "invoice";
}
