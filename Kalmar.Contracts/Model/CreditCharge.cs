using Kalmar.Contracts.Domain;

namespace Kalmar.Contracts.Model;

/// <summary>
/// A business-trip purchase to charge to the traveller's credit, with what the invoice needs and the
/// ticket it pays for, which the account records with the charge and issues even if a silo dies halfway.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kalmar.CreditCharge")]
public sealed record CreditCharge(
    [property: Id(0)] string IdempotencyKey,
    [property: Id(1)] Guid CompanyId,
    [property: Id(2)] Guid DepartmentId,
    [property: Id(3)] string ProductName,
    [property: Id(4)] string CategoryName,
    [property: Id(5)] IReadOnlyList<string> Zones,
    [property: Id(6)] string Purpose,
    [property: Id(7)] PriceBreakdown Price,
    [property: Id(8)] Ticket? Ticket = null);
