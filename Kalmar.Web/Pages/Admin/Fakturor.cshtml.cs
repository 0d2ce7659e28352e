using Kalmar.Contracts.Domain;
using Kalmar.Web.Auth;
using Kalmar.Web.Features.Invoices;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kalmar.Web.Pages.Admin;

/// <summary>
/// Fakturor: the months with status and totals; the chosen month (the open one unless told) per department, live while
/// open; its lines, filtered and paged; the downloads; and the last 12 months' spend with the open month's forecast.
/// </summary>
public sealed class FakturorModel(InvoicesService invoices, InvoiceReader reader, SpendHistory history, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;
    public const int ShowAllCap = 2000;

    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    [BindProperty(Name = "avdelning", SupportsGet = true)]
    public Guid? DepartmentId { get; set; }

    [BindProperty(Name = "typ", SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(Name = "sida", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    [BindProperty(Name = "alla", SupportsGet = true)]
    public bool ShowAll { get; set; }

    public IReadOnlyList<InvoiceListItem> Months { get; private set; } = [];

    public InvoiceView Invoice { get; private set; } = null!;

    public bool IsOpen => Invoice.Status == "open";

    public IReadOnlyList<DepartmentTotals> Departments { get; private set; } = [];

    public IReadOnlyList<DepartmentName> Filterable { get; private set; } = [];

    public IReadOnlyList<InvoiceLine> Lines { get; private set; } = [];

    public int LineCount { get; private set; }

    public int Pages => ShowAll ? 1 : Math.Max(1, (LineCount + PageSize - 1) / PageSize);

    public SpendChart Chart { get; private set; } = null!;

    public string CurrentMonth => reader.CurrentMonth;

    public async Task<IActionResult> OnGetAsync()
    {
        var admin = AdminScope.Of(User);
        var scope = (await invoices.ScopeAsync(admin, null))!;
        if (await invoices.ScopeAsync(admin, DepartmentId) is not { } filtered)
        {
            return NotFound();
        }

        var month = InvoiceMonth.IsValid(Month) ? Month! : CurrentMonth;
        Month = month;
        Kind = Kind is InvoiceKinds.StaffOffer or InvoiceKinds.BusinessTrip or InvoiceKinds.Credit ? Kind : null;
        PageNumber = Math.Max(1, PageNumber);
        Months = await reader.ListAsync(scope);
        Invoice = await invoices.GetAsync(scope, month);
        Filterable = await history.DepartmentsAsync(scope);
        await ReadLinesAsync(filtered);
        var forecasts = await ChartAsync(scope);
        Departments = Totals(month == CurrentMonth ? forecasts : new Dictionary<Guid, DepartmentForecast>());
        return Page();
    }

    /// <summary>The filters as a query string, for the page links (<paramref name="extra"/> appended).</summary>
    public string Query(string? extra = null)
    {
        var parts = new List<string> { $"month={Month}" };
        if (DepartmentId is { } department)
        {
            parts.Add($"avdelning={department}");
        }

        if (Kind is not null)
        {
            parts.Add($"typ={Kind}");
        }

        if (extra is not null)
        {
            parts.Add(extra);
        }

        return "?" + string.Join('&', parts);
    }

    /// <summary>A download of the chosen month, narrowed to a department when given.</summary>
    public string Download(string path, Guid? departmentId) => departmentId is { } id ? $"{path}?departmentId={id}" : path;

    private async Task ReadLinesAsync(InvoiceScope filtered)
    {
        var header = await invoices.HeaderAsync(filtered, Month!);
        var (skip, take) = ShowAll ? (0, ShowAllCap) : ((PageNumber - 1) * PageSize, PageSize);
        var lines = new List<InvoiceLine>();
        var count = 0;
        await foreach (var line in reader.LinesAsync(header, filtered, HttpContext.RequestAborted))
        {
            if (Kind is not null && line.Kind != Kind)
            {
                continue;
            }

            if (count >= skip && lines.Count < take)
            {
                lines.Add(line);
            }

            count++;
        }

        (Lines, LineCount) = (lines, count);
        PageNumber = Math.Min(PageNumber, Pages);
    }

    /// <summary>The last 12 months' chart, and the open month's forecast per department.</summary>
    private async Task<IReadOnlyDictionary<Guid, DepartmentForecast>> ChartAsync(InvoiceScope scope)
    {
        var current = CurrentMonth;
        var months = Enumerable.Range(0, 12).Select(back => Shift(current, back - 11)).ToList();
        var spend = await history.SinceAsync(scope, months[0]);
        var today = DateOnly.FromDateTime(Stockholm.ToLocal(clock.GetUtcNow()).DateTime);
        // Months before the company's first spend in the window are not "usual" months of nothing.
        var first = spend.Select(row => row.Month).DefaultIfEmpty(current).Min()!;
        var earlier = months.Where(month => string.CompareOrdinal(month, first) >= 0 && month != current).Reverse().ToList();
        var chart = new SpendChart(months, Filterable, spend, null);
        var forecasts = Filterable.ToDictionary(
            department => department.Id,
            department => SpendForecast.For(chart.Spent(current, department.Id), today, [.. earlier.Select(month => chart.Spent(month, department.Id))]));
        Chart = new SpendChart(months, Filterable, spend, forecasts.Values.Sum(forecast => forecast.ForecastOre));
        return forecasts;
    }

    /// <summary>Every department in scope while the month is open (a purchase may come for any), those invoiced once closed.</summary>
    private List<DepartmentTotals> Totals(IReadOnlyDictionary<Guid, DepartmentForecast> forecasts)
    {
        var invoiced = Invoice.Departments.ToDictionary(department => department.Id);
        var rows = Invoice.Departments
            .Select(d => new DepartmentTotals(d.Id, d.Name, d.Reference, d.SubtotalOre, d.VatOre, d.TotalOre, forecasts.GetValueOrDefault(d.Id)))
            .ToList();
        if (IsOpen)
        {
            rows.AddRange(Filterable.Where(department => !invoiced.ContainsKey(department.Id))
                .Select(d => new DepartmentTotals(d.Id, d.Name, d.Reference, 0, 0, 0, forecasts.GetValueOrDefault(d.Id))));
        }

        return [.. rows.OrderBy(row => row.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    private static string Shift(string month, int months) => months switch
    {
        0 => month,
        < 0 => Shift(InvoiceMonth.Previous(month), months + 1),
        _ => Shift(InvoiceMonth.Next(month), months - 1),
    };
}
