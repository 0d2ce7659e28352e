using Kalmar.Contracts.Model;

namespace Kalmar.Web.Payloads;

/// <summary>The <c>sessionEnded</c> event: why the session ended, in Swedish, for the screen that closes.</summary>
public sealed record SessionEndedPayload(string Message)
{
    private static readonly SessionEndedPayload ByAdministrator = new("Du har loggats ut av en administratör.");
    private static readonly SessionEndedPayload SignedOut = new("Du har loggats ut.");

    public static SessionEndedPayload For(string reason) => SessionEndReasons.ByAdministrator(reason) ? ByAdministrator : SignedOut;
}
