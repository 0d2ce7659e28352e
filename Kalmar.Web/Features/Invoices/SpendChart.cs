using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Kalmar.Contracts.Domain;

namespace Kalmar.Web.Features.Invoices;

/// <summary>
/// Spend per department and month as a server-drawn SVG of stacked bars (no script, no chart library): a small
/// view box that the page scales to its width, so at 375 px the labels stay legible. The open month's forecast is a
/// dashed outline around its bar. The page gives the same numbers as a table for screen readers.
/// </summary>
public sealed class SpendChart(IReadOnlyList<string> months, IReadOnlyList<DepartmentName> departments, IReadOnlyList<DepartmentMonthSpend> spend, long? forecastOre)
{
    private const double Width = 360, Height = 220, Left = 44, Right = 6, Top = 8, Bottom = 22;

    private static readonly string[] Colours = ["#1f5fa8", "#c2410c", "#15803d", "#7e22ce", "#a16207", "#0f766e", "#be185d", "#4b5563"];

    private static readonly string[] MonthShort = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];

    public IReadOnlyList<string> Months => months;

    public IReadOnlyList<DepartmentName> Departments => departments;

    public static string Colour(int index) => Colours[index % Colours.Length];

    public long Spent(string month, Guid departmentId) =>
        spend.Where(row => row.Month == month && row.DepartmentId == departmentId).Sum(row => row.TotalOre);

    public long Spent(string month) => departments.Sum(department => Spent(month, department.Id));

    public string Svg(string titleId)
    {
        var top = NiceCeiling(Math.Max(forecastOre ?? 0, months.Max(Spent)));
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        double Y(long ore) => Top + plotHeight - (plotHeight * ore / top);
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg class=\"spend-chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{titleId}\" focusable=\"false\">"));
        for (var tick = 0; tick <= 4; tick++)
        {
            var ore = top * tick / 4;
            var y = Y(ore);
            svg.Append(Invariant($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" class=\"grid\"/>"));
            svg.Append(Invariant($"<text x=\"{Left - 4}\" y=\"{y + 3.5:0.#}\" text-anchor=\"end\">{Axis(ore, top)}</text>"));
        }

        var slot = plotWidth / months.Count;
        var barWidth = slot * 0.62;
        for (var i = 0; i < months.Count; i++)
        {
            var month = months[i];
            var x = Left + (slot * i) + ((slot - barWidth) / 2);
            if (i == months.Count - 1 && forecastOre is { } forecast && forecast > 0)
            {
                svg.Append(Invariant($"<rect x=\"{x - 1.5:0.#}\" y=\"{Y(forecast):0.#}\" width=\"{barWidth + 3:0.#}\" height=\"{Y(0) - Y(forecast):0.#}\" class=\"forecast\">"))
                    .Append($"<title>Prognos {Encode(Stockholm.MonthName(month))}: {Encode(Money.ToKronor(forecast))}</title></rect>");
            }

            long stacked = 0;
            for (var d = 0; d < departments.Count; d++)
            {
                var ore = Spent(month, departments[d].Id);
                if (ore <= 0)
                {
                    continue;
                }

                svg.Append(Invariant($"<rect x=\"{x:0.#}\" y=\"{Y(stacked + ore):0.#}\" width=\"{barWidth:0.#}\" height=\"{Y(stacked) - Y(stacked + ore):0.#}\" fill=\"{Colour(d)}\">"))
                    .Append($"<title>{Encode(departments[d].Name)}, {Encode(Stockholm.MonthName(month))}: {Encode(Money.ToKronor(ore))}</title></rect>");
                stacked += ore;
            }

            var label = MonthShort[int.Parse(month[5..], CultureInfo.InvariantCulture) - 1];
            svg.Append(Invariant($"<text x=\"{x + (barWidth / 2):0.#}\" y=\"{Height - 8}\" text-anchor=\"middle\">{label}</text>"));
        }

        svg.Append(Invariant($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(0):0.#}\" y2=\"{Y(0):0.#}\" class=\"axis\"/>"));
        return svg.Append("</svg>").ToString();
    }

    /// <summary>The axis' top: 1, 2, 2.5 or 5 × a power of ten kronor, at least the largest bar, in four equal steps.</summary>
    public static long NiceCeiling(long ore)
    {
        var step = Math.Max(ore, 400) / 4m;
        var power = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)step)));
        var nice = new[] { 1m, 2m, 2.5m, 5m, 10m }.First(factor => factor * power >= step) * power;
        return (long)(nice * 4);
    }

    /// <summary><c>12 tkr</c> or <c>500 kr</c>: short enough for the axis at 375 px.</summary>
    private static string Axis(long ore, long top) => top >= 400_000
        ? (ore / 100_000m).ToString("0.#", CultureInfo.InvariantCulture).Replace('.', ',') + " tkr"
        : (ore / 100m).ToString("0", CultureInfo.InvariantCulture) + " kr";

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
