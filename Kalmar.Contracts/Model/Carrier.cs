namespace Kalmar.Contracts.Model;

/// <summary>A carrier and its number: an E.164 mobile number for the app, the card number for a card.</summary>
[GenerateSerializer, Immutable, Alias("Kalmar.Carrier")]
public sealed record Carrier([property: Id(0)] CarrierType Type, [property: Id(1)] string Number);
