namespace Kalmar.Grains.BusinessTravel;

[GenerateSerializer, Alias("Kalmar.AppActivationState")]
public sealed class AppActivationState
{
    [Id(0)] public Guid UserId { get; set; }
    [Id(1)] public string? CodeHash { get; set; }
    [Id(2)] public DateTimeOffset ExpiresAt { get; set; }
    [Id(3)] public bool Used { get; set; }
    [Id(4)] public List<DateTimeOffset> Failures { get; set; } = [];
}
