namespace Kalmar.Contracts.Live;

/// <summary>A domain event that a user's open screens follow live; one subtype per hub event of api.md.</summary>
[GenerateSerializer, Immutable, Alias("Kalmar.LiveUpdate")]
public abstract record LiveUpdate;
