using System.Globalization;
using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Fares;
using Kalmar.Contracts.Model;

namespace Kalmar.Grains.Ordering;

/// <summary>
/// The start a traveller may choose for a staff-offer ticket: a departure (Enkel, 24-timmars) or a day (30-,
/// 365-dagars), from now up to <see cref="TicketStart.MaxDaysAhead"/> Stockholm days ahead. No choice means as soon as
/// possible.
/// </summary>
internal static class StartChoice
{
    private const int MaxDaysAhead = TicketStart.MaxDaysAhead;
    private const string Field = "startsAt";

    /// <summary>A clock a little behind the traveller's, or a slow click, still starts "now".</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);

    public static (TicketStart? Start, Rejection? Error) Of(FareProduct product, AddToCart item, DateTimeOffset now)
    {
        var today = Stockholm.DateOf(now);
        var last = today.AddDays(MaxDaysAhead);
        if (product.StartsOnDay)
        {
            if ((item.StartDate ?? (item.StartTime is { } time ? Stockholm.DateOf(time) : null)) is not { } day)
            {
                return (null, null);
            }

            return day < today ? (null, Rejection.Field(Field, $"Startdagen har redan varit. Välj en dag från i dag till {Day(last)}."))
                : day > last ? (null, Rejection.Field(Field, $"Välj en startdag högst {MaxDaysAhead} dagar fram, senast {Day(last)}."))
                : (new TicketStart(Stockholm.StartOfDay(day), IsDay: true), null);
        }

        if (item.StartTime is not { } departure)
        {
            return item.StartDate is null
                ? (null, null)
                : (null, Rejection.Field(Field, $"{product.Name} gäller från en avgång: ange datum och tid, t.ex. {Day(today)}T17:00."));
        }

        return departure < now - Grace ? (null, Rejection.Field(Field, "Avgången har redan gått. Välj en senare avgång."))
            : Stockholm.DateOf(departure) > last ? (null, Rejection.Field(Field, $"Välj en avgång högst {MaxDaysAhead} dagar fram, senast {Day(last)}."))
            : (new TicketStart(departure, IsDay: false), null);
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
