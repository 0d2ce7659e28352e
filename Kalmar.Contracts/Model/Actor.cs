namespace Kalmar.Contracts.Model;

/// <summary>Who makes an administrative change, as the audit log names them.</summary>
[GenerateSerializer, Immutable, Alias("Kalmar.Actor")]
public sealed record Actor(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name);
