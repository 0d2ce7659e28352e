namespace Kalmar.Contracts.Model;

/// <summary>The API's and the tickets table's spelling of <see cref="TicketStatus"/>.</summary>
public static class TicketStatusNames
{
    public const string Active = "active";
    public const string Blocked = "blocked";
    public const string Recalled = "recalled";

    public static string ToName(this TicketStatus status) => status switch
    {
        TicketStatus.Active => Active,
        TicketStatus.Blocked => Blocked,
        TicketStatus.Recalled => Recalled,
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>The status a row or request names, or null for anything else.</summary>
    public static TicketStatus? Parse(string? name) => name switch
    {
        Active => TicketStatus.Active,
        Blocked => TicketStatus.Blocked,
        Recalled => TicketStatus.Recalled,
        _ => null,
    };
}
