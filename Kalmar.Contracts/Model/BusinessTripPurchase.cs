namespace Kalmar.Contracts.Model;

/// <summary>A business-trip ticket bought in the app with AllPay; the purpose is required for the invoice.</summary>
[GenerateSerializer, Immutable, Alias("Kalmar.BusinessTripPurchase")]
public sealed record BusinessTripPurchase(
    [property: Id(0)] string IdempotencyKey,
    [property: Id(1)] string ProductId,
    [property: Id(2)] string CategoryId,
    [property: Id(3)] IReadOnlyList<string> Zones,
    [property: Id(4)] string? Purpose);
