namespace Kalmar.Contracts.Model;

/// <summary>A traveller's business-travel grant: on or off, the monthly limit, and whether AllPay is added in the app.</summary>
[GenerateSerializer, Immutable, Alias("Kalmar.BusinessTravelStatus")]
public sealed record BusinessTravelStatus(
    [property: Id(0)] bool Enabled,
    [property: Id(1)] long MonthlyLimitOre,
    [property: Id(2)] bool AllPayAdded);
