using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Fares;
using Kalmar.Contracts.Model;
using Kalmar.Contracts.Transit;

namespace Kalmar.Web.Features.Transit;

/// <summary>Stops, departures, zones and prices; <see cref="SearchAsync"/> is the ordering form's search by stop names.</summary>
public sealed partial class TransitService(IClusterClient cluster, TimeProvider clock)
{
    private const int MaxStops = 10;

    private ITransitGrain Transit => cluster.GetGrain<ITransitGrain>(0);

    /// <summary>Best matches first.</summary>
    public Task<IReadOnlyList<TransitStop>> SearchStopsAsync(string? query) => Transit.SearchStopsAsync(query ?? "", MaxStops);

    /// <summary>The county's fare zones in order.</summary>
    public Task<IReadOnlyList<TransitZone>> ZonesAsync() => Transit.ZonesAsync();

    /// <summary>Every product and category priced for a ticket valid in the zones.</summary>
    public Task<IReadOnlyList<FareQuote>> ProductsAsync(IReadOnlyList<string> zones) => Transit.ProductsAsync(zones);

    /// <summary>Departures, direct and with one change, between two stops given by id.</summary>
    public async Task<Outcome<IReadOnlyList<Journey>>> FindJourneysAsync(string? fromId, string? toId, string? date, string? time)
    {
        var now = JourneyStart.At(clock.GetUtcNow());
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(fromId))
        {
            errors["from"] = ["Välj en hållplats att resa från."];
        }

        if (string.IsNullOrWhiteSpace(toId))
        {
            errors["to"] = ["Välj en hållplats att resa till."];
        }

        if (!now.TryReadDay(date, out var day))
        {
            errors["date"] = ["Ange datum som ÅÅÅÅ-MM-DD."];
        }

        if (!now.TryReadTime(time, out var after))
        {
            errors["time"] = [JourneyStart.TimeError];
        }

        return errors.Count > 0 ? Rejections.Invalid(errors) : await Transit.FindJourneysAsync(fromId!, toId!, day, after);
    }
}
