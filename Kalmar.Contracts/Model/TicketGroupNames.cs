namespace Kalmar.Contracts.Model;

/// <summary>The API's spelling of <see cref="TicketGroup"/>.</summary>
public static class TicketGroupNames
{
    public const string Active = "active";
    public const string Upcoming = "upcoming";
    public const string Blocked = "blocked";

    public static IReadOnlyList<TicketGroup> All { get; } = [TicketGroup.Active, TicketGroup.Upcoming, TicketGroup.Blocked];

    public static string ToName(this TicketGroup group) => group switch
    {
        TicketGroup.Active => Active,
        TicketGroup.Upcoming => Upcoming,
        TicketGroup.Blocked => Blocked,
        _ => throw new ArgumentOutOfRangeException(nameof(group)),
    };

    /// <summary>The group a request names, or null for anything else.</summary>
    public static TicketGroup? Parse(string? name) => name switch
    {
        Active => TicketGroup.Active,
        Upcoming => TicketGroup.Upcoming,
        Blocked => TicketGroup.Blocked,
        _ => null,
    };
}
