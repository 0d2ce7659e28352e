using System.Globalization;
using Kalmar.Contracts.Domain;
using Kalmar.Web.Features.Travellers;

namespace Kalmar.Web.Pages.Admin;

/// <summary>How travellers read in Swedish on the admin's pages.</summary>
public static class TravellerText
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>The list's sort orders: the query value and its label.</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> Sorts =
        [("name", "Namn"), ("email", "E-post"), ("department", "Avdelning"), ("employeeNumber", "Anställningsnummer")];

    /// <summary>The status filter: the query value (empty: all) and its label.</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> Statuses =
        [("", "Alla"), ("active", "Aktiva (även inbjudna)"), ("invited", "Inbjudna"), ("inactive", "Avaktiverade")];

    public static string Status(string status) => status switch
    {
        "active" => "Aktiv",
        "invited" => "Inbjuden",
        _ => "Avaktiverad",
    };

    public static string Number(long number) => number.ToString("#,##0", Swedish);

    /// <summary>"1–50 av 4 812 resenärer".</summary>
    public static string Count<T>(Paged<T> page) => page.Total switch
    {
        0 => "Inga resenärer",
        1 => "1 resenär",
        var total => $"{Number(Math.Min((long)(page.Page - 1) * page.PageSize + 1, total))}–{Number(Math.Min((long)page.Page * page.PageSize, total))} av {Number(total)} resenärer",
    };

    public static string BusinessTravel(TravellerCredit credit) => credit.Enabled
        ? $"{Money.ToKronor(credit.UsedOre)} av {Money.ToKronor(credit.MonthlyLimitOre)}"
        : "Nej";

    /// <summary>The page numbers to link: the first, the last and two either side of the current one; 0 stands for a gap.</summary>
    public static IReadOnlyList<int> PageNumbers(int current, int pages)
    {
        var shown = new SortedSet<int> { 1, pages };
        for (var page = Math.Max(1, current - 2); page <= Math.Min(pages, current + 2); page++)
        {
            shown.Add(page);
        }

        var numbers = new List<int>();
        foreach (var page in shown)
        {
            if (numbers.Count > 0 && page > numbers[^1] + 1)
            {
                numbers.Add(0);
            }

            numbers.Add(page);
        }

        return numbers;
    }
}
