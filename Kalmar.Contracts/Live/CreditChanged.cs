using Kalmar.Contracts.Model;

namespace Kalmar.Contracts.Live;

/// <summary>The traveller's credit this month changed: a purchase, a new limit, a grant or revoke, a new month.</summary>
[GenerateSerializer, Immutable, Alias("Kalmar.CreditChanged")]
public sealed record CreditChanged([property: Id(0)] CreditView Credit) : LiveUpdate;
