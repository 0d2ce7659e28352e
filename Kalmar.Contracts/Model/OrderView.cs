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

    /// <summary>For an approval that came after a line's chosen start: that ticket starts at the approval instead, and the traveller is told.</summary>
    public IReadOnlyList<string> StartNotices() =>
        Status == OrderStatus.Approved && DecidedAt is { } approvedAt
            ? [.. Submission.Lines
                .Where(line => line.Start?.HadPassed(approvedAt) == true)
                .Select(line => $"{line.ProductName}, {line.CategoryName}: {TicketStart.PassedNotice(approvedAt)}")]
            : [];
}
