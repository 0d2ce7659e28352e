using System.Globalization;
using Kalmar.Contracts.Domain;

namespace Kalmar.Contracts.Model;

/// <summary>
/// The start a traveller chose for a staff-offer ticket: a departure, or for a ticket that starts on a day
/// (<see cref="IsDay"/>) 00:00 Stockholm time of that day. The ticket is valid from it, or from the approval
/// should the approval come later.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kalmar.TicketStart")]
public sealed record TicketStart([property: Id(0)] DateTimeOffset At, [property: Id(1)] bool IsDay)
{
    /// <summary>A start may be chosen from now up to this many Stockholm days ahead.</summary>
    public const int MaxDaysAhead = 30;

    public DateTimeOffset ValidFrom(DateTimeOffset approvedAt) => HadPassed(approvedAt) ? approvedAt : At;

    /// <summary>The approval came after the chosen start, so the ticket starts at the approval instead.</summary>
    public bool HadPassed(DateTimeOffset approvedAt) => approvedAt > At;

    /// <summary>What the traveller is told when the approval came too late for the chosen start.</summary>
    public static string PassedNotice(DateTimeOffset approvedAt) =>
        $"Biljetten gäller från godkännandet, {Stockholm.Format(approvedAt)}, eftersom den valda starttiden hade passerat.";

    /// <summary>The chosen start in Swedish, for the cart, orders, the approval queue and e-mail.</summary>
    public static string Describe(TicketStart? start) => start switch
    {
        null => "Gäller från godkännandet",
        { IsDay: true } => $"Startdag {Stockholm.DateOf(start.At).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
        _ => $"Gäller från {Stockholm.Format(start.At)}",
    };
}
