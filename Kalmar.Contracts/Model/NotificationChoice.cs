namespace Kalmar.Contracts.Model;

/// <summary>How a user wants to hear from the portal.</summary>
[GenerateSerializer, Immutable, Alias("Kalmar.NotificationChoice")]
public sealed record NotificationChoice([property: Id(0)] bool Email, [property: Id(1)] bool Sms);
