namespace Kalmar.Bench;

/// <summary>The loads one can pick with <c>--loads</c>, in the order a run takes them.</summary>
public static class LoadNames
{
    public const string Pgbench = "pgbench";
    public const string Hot = "hot";
    public const string Spread = "spread";
    public const string Sequence = "sequence";
    public const string Growth = "growth";
    public const string Live = "live";
    public const string Grains = "grains";
    public const string Credit = "credit";

    /// <summary>Traveller import and the Resenärer search; not in <see cref="All"/>: a run of its own writes its own section of the results.</summary>
    public const string Onboarding = "onboarding";

    /// <summary>A month of 200,000 invoice lines as CSV and PDF; not in <see cref="All"/>, like <see cref="Onboarding"/>.</summary>
    public const string Invoices = "invoices";

    public static readonly string[] All = [Pgbench, Hot, Spread, Sequence, Growth, Live, Grains, Credit];
}
