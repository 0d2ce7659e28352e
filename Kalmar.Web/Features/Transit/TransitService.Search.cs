using Kalmar.Contracts.Model;
using Kalmar.Contracts.Transit;

namespace Kalmar.Web.Features.Transit;

public sealed partial class TransitService
{
    /// <summary>
    /// Finds the typed stops, then the departures, then the chosen departure and its prices. Every mistake in the
    /// query is found at once, so the form can show them together; the planner is asked only for a query without any.
    /// </summary>
    public async Task<JourneySearch> SearchAsync(JourneyQuery query)
    {
        var errors = new Dictionary<string, string>();
        var from = await ResolveStopAsync(query.From, "from", "Ange en hållplats att resa från.", errors);
        var to = await ResolveStopAsync(query.To, "to", "Ange en hållplats att resa till.", errors);
        var now = JourneyStart.At(clock.GetUtcNow());
        if (!now.TryReadDay(query.Date, out var day))
        {
            errors.TryAdd("date", "Ange datum som ÅÅÅÅ-MM-DD, t.ex. 2026-11-30.");
        }

        if (!now.TryReadTime(query.Time, out var after))
        {
            errors.TryAdd("time", JourneyStart.TimeError);
        }

        if (from is not null && to is not null && from.Id == to.Id)
        {
            errors.TryAdd("to", "Välj en annan hållplats än den du reser från.");
        }

        var search = new JourneySearch(from?.Name ?? query.From, to?.Name ?? query.To, query.Date, query.Time, errors);
        if (from is null || to is null || errors.Count > 0)
        {
            return search;
        }

        var start = new JourneyStart(day, after);
        search = search with { Date = start.Date, Time = start.Time };
        var found = await Transit.FindJourneysAsync(from.Id, to.Id, day, after);
        if (found.Rejection is { } rejection)
        {
            return search with { Rejection = rejection };
        }

        search = search with { Journeys = found.Value };
        if (query.JourneyId is null)
        {
            return search;
        }

        if (found.Value!.FirstOrDefault(journey => journey.Id == query.JourneyId) is not { } chosen)
        {
            return search with { Errors = new Dictionary<string, string> { ["journeyId"] = "Avgången finns inte längre. Välj en avgång i listan." } };
        }

        return search with { Journey = chosen, Quotes = await Transit.ProductsAsync(chosen.Zones) };
    }

    /// <summary>The stop whose name is the one typed (in any case), else the best match.</summary>
    private async Task<TransitStop?> ResolveStopAsync(string? typed, string field, string missing, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            errors.TryAdd(field, missing);
            return null;
        }

        var name = typed.Trim();
        var matches = await SearchStopsAsync(name);
        var stop = matches.FirstOrDefault(match => string.Equals(match.Name, name, StringComparison.CurrentCultureIgnoreCase))
            ?? (matches.Count > 0 ? matches[0] : null);
        if (stop is null)
        {
            errors.TryAdd(field, RejectionMessages.UnknownStop);
        }

        return stop;
    }
}
