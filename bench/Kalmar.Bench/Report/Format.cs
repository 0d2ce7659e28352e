using System.Globalization;

namespace Kalmar.Bench.Report;

/// <summary>How numbers read in the table; a figure a load did not produce shows as a dash.</summary>
public static class Format
{
    public const string None = "–";

    public static string Rate(double? value) => value is { } v && double.IsFinite(v) ? v.ToString(v < 100 ? "0.0" : "#,0", CultureInfo.InvariantCulture) + "/s" : None;

    public static string Ms(double? value) => value is { } v && double.IsFinite(v) ? v.ToString(v < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " ms" : None;

    public static string Kb(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("0.0", CultureInfo.InvariantCulture) + " KB" : None;

    public static string Times(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("0.00", CultureInfo.InvariantCulture) + "×" : None;

    public static string Count(double? value) => value is { } v ? v.ToString("#,0", CultureInfo.InvariantCulture) : None;

    /// <summary>"yes", "no", or a dash when the load did not produce the figure.</summary>
    public static string Met(double? value, Func<double, bool> meets) =>
        value is { } v && double.IsFinite(v) ? (meets(v) ? "yes" : "**no**") : None;

    public static double? Ratio(double? figure, double? compared) =>
        figure is { } f && compared is { } c && c != 0 && double.IsFinite(f) && double.IsFinite(c) ? f / c : null;
}
