using Kalmar.Contracts.Domain;

namespace Kalmar.Contracts.Model;

/// <summary>An order as travellers and admins see it.</summary>
[GenerateSerializer, Immutable, Alias("Kalmar.OrderView")]
public sealed record OrderView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] OrderSubmission Submission,
    [property: Id(2)] OrderStatus Status,
    [property: Id(3)] DateTimeOffset? DecidedAt,
    [property: Id(4)] string? DecidedBy,
    [property: Id(5)] string? Reason)
{
    public PriceBreakdown Total => Vat.Sum(Submission.Lines.Select(line => line.Price));
}
