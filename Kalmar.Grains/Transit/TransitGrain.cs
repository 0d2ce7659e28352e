using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Fares;
using Kalmar.Contracts.Model;
using Kalmar.Contracts.Transit;
using Kalmar.Grains.Fares;
using Orleans.Concurrency;

namespace Kalmar.Grains.Transit;

[StatelessWorker]
public sealed class TransitGrain(TransitIndex transit, PriceTable prices) : Grain, ITransitGrain
{

    public Task<IReadOnlyList<TransitStop>> SearchStopsAsync(string query, int max) => Task.FromResult(transit.Search(query, max));

    public Task<Outcome<IReadOnlyList<Journey>>> FindJourneysAsync(string fromStopId, string toStopId, DateOnly date, TimeOnly after)
    {
        if (transit.FindStop(fromStopId) is null)
        {
            return Task.FromResult<Outcome<IReadOnlyList<Journey>>>(Rejection.Field("from", RejectionMessages.UnknownStop));
        }

        if (transit.FindStop(toStopId) is null)
        {
            return Task.FromResult<Outcome<IReadOnlyList<Journey>>>(Rejection.Field("to", RejectionMessages.UnknownStop));
        }

        return Task.FromResult(Outcome<IReadOnlyList<Journey>>.Success(transit.FindJourneys(fromStopId, toStopId, date, after)));
    }

    public Task<IReadOnlyList<TransitZone>> ZonesAsync() => Task.FromResult(transit.Zones);

    public Task<IReadOnlyList<FareQuote>> ProductsAsync(IReadOnlyList<string> zones) => Task.FromResult(prices.ProductsFor(zones));
}
