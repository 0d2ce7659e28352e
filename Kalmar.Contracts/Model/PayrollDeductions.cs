namespace Kalmar.Contracts.Model;

/// <summary>How a company recovers the staff offer it paid from its employees' pay (a company setting).</summary>
public static class PayrollDeductions
{
    /// <summary>Bruttolöneavdrag: deducted before tax (the default).</summary>
    public const string Gross = "brutto";

    /// <summary>Nettolöneavdrag: deducted after tax.</summary>
    public const string Net = "netto";

    public static string Describe(string kind) => kind == Net ? "Nettolöneavdrag" : "Bruttolöneavdrag";
}
