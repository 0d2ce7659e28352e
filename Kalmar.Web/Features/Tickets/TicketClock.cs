namespace Kalmar.Web.Features.Tickets;

/// <summary>
/// The key of the clock that key rotation and inspection tell time by (the system clock): a test moves it weeks ahead
/// without moving the clock of the rest of the web node (tokens, the Orleans client).
/// </summary>
public static class TicketClock
{
    public const string Key = "tickets";
}
