using System.Globalization;

namespace Kalmar.Bench.Portal;

/// <summary>Pending staff-offer orders, placed as travellers place them: a journey in the cart, then checkout.</summary>
public static class StaffOrders
{
    private const string KalmarC = "740101001";
    private const string NybroStation = "740131001";

    public sealed record PlacedOrder(Guid Id, int Traveller);

    public static async Task<IReadOnlyList<PlacedOrder>> PlaceAsync(PortalHttp portal, IReadOnlyList<Traveller> travellers, int count)
    {
        var journeyId = await JourneyIdAsync(portal, travellers[0].Token);
        var placed = new PlacedOrder[count];
        // One task per traveller: a cart takes one checkout at a time.
        await Task.WhenAll(travellers.Select((traveller, t) => Task.Run(async () =>
        {
            for (var i = t; i < count; i += travellers.Count)
            {
                await portal.SendForJsonAsync(HttpMethod.Post, "/api/cart/items", traveller.Token, CartItem(journeyId));
                var order = await portal.SendForJsonAsync(HttpMethod.Post, "/api/cart/checkout", traveller.Token, new { idempotencyKey = Guid.NewGuid().ToString("N") });
                placed[i] = new PlacedOrder(order.GetProperty("id").GetGuid(), t);
            }
        })));
        return placed;
    }

    /// <summary>Next Monday's 08:00 departure from Kalmar C to Nybro station, the journey every order is for.</summary>
    public static async Task<string> JourneyIdAsync(PortalHttp portal, string token)
    {
        var journeys = await portal.SendForJsonAsync(
            HttpMethod.Get, $"/api/journeys?from={KalmarC}&to={NybroStation}&date={NextMonday()}&time=08:00", token);
        return journeys[0].GetProperty("id").GetString()!;
    }

    /// <summary>A single adult ticket on the app for <paramref name="journeyId"/>, as <c>POST /api/cart/items</c> takes it.</summary>
    public static object CartItem(string journeyId) =>
        new { journeyId, productId = "enkel", categoryId = "vuxen", carrier = new { type = "app", number = "" } };

    /// <summary>The shipped timetable's weekday service runs on a Monday.</summary>
    private static string NextMonday()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var days = ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7;
        return today.AddDays(days == 0 ? 7 : days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
