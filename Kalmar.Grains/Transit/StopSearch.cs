using Kalmar.Contracts.Transit;
namespace Kalmar.Grains.Transit;

/// <summary>
/// Stop names as one types them: the start of the name first, then the start of a word in it,
/// then anywhere in it. Within each, busier stops first (most calls by trips), so "Västerv" offers
/// the travel centre before the hospital stop; then shorter names, then alphabetical.
/// </summary>
internal sealed class StopSearch
{
    private const int NameStart = 0;
    private const int WordStart = 1;
    private const int Anywhere = 2;
    private const int NoMatch = 3;

    private static readonly StringComparer Swedish = StringComparer.Create(new System.Globalization.CultureInfo("sv-SE"), ignoreCase: true);

    private readonly (TransitStop Stop, int Calls, string Folded)[] _entries;

    public StopSearch(IEnumerable<(TransitStop Stop, int Calls)> stops) =>
        _entries = [.. stops.Select(s => (s.Stop, s.Calls, TextFolding.Fold(s.Stop.Name)))];

    public IReadOnlyList<TransitStop> Search(string? query, int max)
    {
        var folded = TextFolding.Fold(query ?? "");
        if (folded.Length == 0 || max <= 0)
        {
            return [];
        }

        return [.. _entries
            .Select(e => (e.Stop, e.Calls, Rank: Rank(e.Folded, folded)))
            .Where(e => e.Rank != NoMatch)
            .OrderBy(e => e.Rank)
            .ThenByDescending(e => e.Calls)
            .ThenBy(e => e.Stop.Name.Length)
            .ThenBy(e => e.Stop.Name, Swedish)
            .ThenBy(e => e.Stop.Id, StringComparer.Ordinal)
            .Take(max)
            .Select(e => e.Stop)];
    }

    private static int Rank(string name, string query)
    {
        var best = NoMatch;
        for (var at = name.IndexOf(query, StringComparison.Ordinal); at >= 0; at = name.IndexOf(query, at + 1, StringComparison.Ordinal))
        {
            var rank = at == 0 ? NameStart : name[at - 1] == ' ' ? WordStart : Anywhere;
            best = Math.Min(best, rank);
            if (best == NameStart)
            {
                break;
            }
        }

        return best;
    }
}
