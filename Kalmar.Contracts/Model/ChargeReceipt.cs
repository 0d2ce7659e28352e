namespace Kalmar.Contracts.Model;

/// <summary>The answer to a charge; a retry with the same key gets this same receipt, and so the same ticket.</summary>
[GenerateSerializer, Immutable, Alias("Kalmar.ChargeReceipt")]
public sealed record ChargeReceipt(
    [property: Id(0)] Guid ChargeId,
    [property: Id(1)] DateTimeOffset ChargedAt,
    [property: Id(2)] CreditView Credit,
    [property: Id(3)] Ticket? Ticket = null);
