namespace Kalmar.Contracts.Model;

/// <summary>The outcome of a sign-in: a session, or nothing (wrong e-mail, wrong password and a locked account look alike).</summary>
[GenerateSerializer, Immutable, Alias("Kalmar.SignInOutcome")]
public sealed record SignInOutcome([property: Id(0)] UserSession? Session)
{
    public static SignInOutcome Failed { get; } = new((UserSession?)null);

    public bool Succeeded => Session is not null;
}
