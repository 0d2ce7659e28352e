namespace Kalmar.Web.Payloads;

/// <summary>The <c>sessionEnded</c> event: why the user's sessions ended, in Swedish, for the screen that closes.</summary>
public sealed record SessionEndedPayload(string Message)
{
    public static readonly SessionEndedPayload Ended = new("Du har loggats ut av en administratör.");
}
