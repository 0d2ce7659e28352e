namespace Kalmar.Tests.Domain;

/// <summary>Where the data shipped with the silo lands in the test output (Kalmar.Silo copies Data/** there).</summary>
internal static class ShippedData
{
    public static string Gtfs => Path.Combine(AppContext.BaseDirectory, "Data", "gtfs");

    public static string Fares => Path.Combine(AppContext.BaseDirectory, "Data", "fares");
}
