namespace Kalmar.Contracts.Model;

/// <summary>A checked-out cart, as the order grain receives it.</summary>
[GenerateSerializer, Immutable, Alias("Kalmar.OrderSubmission")]
public sealed record OrderSubmission(
    [property: Id(0)] Guid TravellerId,
    [property: Id(1)] string TravellerName,
    [property: Id(2)] string TravellerEmail,
    [property: Id(3)] string? TravellerMobile,
    [property: Id(4)] Guid CompanyId,
    [property: Id(5)] Guid DepartmentId,
    [property: Id(6)] string DepartmentName,
    [property: Id(7)] IReadOnlyList<TicketLine> Lines,
    [property: Id(8)] DateTimeOffset SubmittedAt);
