using System.Globalization;
using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Model;
using Kalmar.Contracts.Transit;

namespace Kalmar.Web.Pages.Biljetter;

/// <summary>How tickets, departures and orders read in Swedish on the pages.</summary>
public static class TicketText
{
    public static string Mobile(string? number) =>
        SwedishMobile.TryParse(number, out var mobile, out _) ? mobile.Display : number ?? "–";

    public static string Carrier(Carrier carrier) =>
        carrier.Type == CarrierType.App ? $"App, {Mobile(carrier.Number)}" : $"Resekort {carrier.Number}";

    public static string Clock(DateTimeOffset instant) => Stockholm.ToLocal(instant).ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Lines(Journey journey) =>
        string.Join(" → ", journey.Legs.Select(leg => leg.RouteName.All(char.IsAsciiDigit) ? $"Linje {leg.RouteName}" : leg.RouteName));

    public static string Changes(Journey journey) => journey.Changes switch
    {
        0 => "Direkt",
        1 => $"1 byte ({journey.Legs[0].To.Name})",
        var changes => $"{changes} byten",
    };

    public static string Zones(IReadOnlyList<string> zones) =>
        $"Giltig i zon {string.Join(", ", zones)}";

    public static string Status(OrderStatus status) => status switch
    {
        OrderStatus.Approved => "Godkänd",
        OrderStatus.Rejected => "Avslagen",
        OrderStatus.Withdrawn => "Tillbakadragen",
        _ => "Väntar på godkännande",
    };

    /// <summary>
    /// Who decided and when, with the reason of a rejection and any ticket that starts at the approval;
    /// wwwroot/js/order-status.js writes the same.
    /// </summary>
    public static string Decision(OrderView order) => order.DecidedAt is not { } decidedAt
        ? ""
        : $"av {order.DecidedBy}, {Stockholm.Format(decidedAt)}" + (order.Reason is { Length: > 0 } reason ? $". Skäl: {reason}" : "")
            + string.Concat(order.StartNotices().Select(notice => $". {notice}"));
}
