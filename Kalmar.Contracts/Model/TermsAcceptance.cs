namespace Kalmar.Contracts.Model;

/// <summary>Which version of Integritetspolicy and Allmänna villkor a user accepted, and when.</summary>
[GenerateSerializer, Immutable, Alias("Kalmar.TermsAcceptance")]
public sealed record TermsAcceptance([property: Id(0)] string Version, [property: Id(1)] DateTimeOffset AcceptedAt)
{
    /// <summary>The version in force; raising it asks every user to accept again at the next page view.</summary>
    public const string CurrentVersion = "2026-11-01";
}
