namespace Kalmar.Contracts.Model;

/// <summary>A reconciliation: when it ran, how many credit accounts it checked and what disagreed.</summary>
[GenerateSerializer, Immutable, Alias("Kalmar.ReconciliationRun")]
public sealed record ReconciliationRun(
    [property: Id(0)] DateTimeOffset CheckedAt,
    [property: Id(1)] int Accounts,
    [property: Id(2)] IReadOnlyList<ReconciliationMismatch> Mismatches);
