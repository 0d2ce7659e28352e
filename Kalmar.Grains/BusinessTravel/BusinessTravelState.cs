namespace Kalmar.Grains.BusinessTravel;

[GenerateSerializer, Alias("Kalmar.BusinessTravelState")]
public sealed class BusinessTravelState
{
    [Id(0)] public bool Enabled { get; set; }
    [Id(1)] public long MonthlyLimitOre { get; set; }
    [Id(2)] public bool AllPayAdded { get; set; }

    /// <summary>The user name of the latest grant's activation; a new grant revokes it.</summary>
    [Id(3)] public string? ActivationUsername { get; set; }
}
