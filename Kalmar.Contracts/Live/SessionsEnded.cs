namespace Kalmar.Contracts.Live;

/// <summary>Every session of the user ended (deactivation): the web nodes close the user's hub connections.</summary>
[GenerateSerializer, Immutable, Alias("Kalmar.SessionsEnded")]
public sealed record SessionsEnded : LiveUpdate;
