using Kalmar.Contracts.Fares;
using Kalmar.Contracts.Model;
using Kalmar.Contracts.Transit;

namespace Kalmar.Web.Features.Transit;

/// <summary>
/// What a <see cref="JourneyQuery"/> found. <see cref="From"/> and <see cref="To"/> are the stops' names once found
/// (else as typed); <see cref="Date"/> and <see cref="Time"/> are written out once searched, so the next step searches
/// exactly the same. <see cref="Errors"/> (by field: from, to, date, time, journeyId, first message each) are the
/// query's own; <see cref="Rejection"/> is the journey planner's. <see cref="Journeys"/> is null until a search is made.
/// </summary>
public sealed record JourneySearch(string? From, string? To, string? Date, string? Time, IReadOnlyDictionary<string, string> Errors)
{
    public Rejection? Rejection { get; init; }

    public IReadOnlyList<Journey>? Journeys { get; init; }

    public Journey? Journey { get; init; }

    public IReadOnlyList<FareQuote> Quotes { get; init; } = [];
}
