using Kalmar.Contracts.Fares;
using Kalmar.Contracts.Model;
using Kalmar.Contracts.Transit;

namespace Kalmar.Contracts.Abstractions;

/// <summary>Stops, journeys and prices, served from the memory of every silo (key 0).</summary>
[Alias("Kalmar.ITransitGrain")]
public interface ITransitGrain : IGrainWithIntegerKey
{
    [Alias("SearchStops")]
    Task<IReadOnlyList<TransitStop>> SearchStopsAsync(string query, int max);

    [Alias("FindJourneys")]
    Task<Outcome<IReadOnlyList<Journey>>> FindJourneysAsync(string fromStopId, string toStopId, DateOnly date, TimeOnly after);

    [Alias("Zones")]
    Task<IReadOnlyList<TransitZone>> ZonesAsync();

    /// <summary>Every product and category priced for a ticket valid in <paramref name="zones"/>.</summary>
    [Alias("Products")]
    Task<IReadOnlyList<FareQuote>> ProductsAsync(IReadOnlyList<string> zones);
}
