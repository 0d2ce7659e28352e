namespace Kalmar.Web.Features.Tickets;

/// <summary>An inspection's answer: one of the <c>…Status</c> names of api.md, and what the code says when it is genuine.</summary>
public sealed record TicketCheck(string Status, TicketCodeContent? Ticket)
{
    public const string Valid = "valid";
    public const string Blocked = "blocked";
    public const string Expired = "expired";
    public const string NotYetValid = "not-yet-valid";
    public const string Forged = "forged";
}
