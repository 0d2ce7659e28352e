namespace Kalmar.Web.Infrastructure;

/// <summary>What someone typed in a search box as an <c>ilike</c> pattern: found anywhere, and a <c>%</c>, <c>_</c> or <c>\</c> in it matches only itself.</summary>
public static class SearchPattern
{
    /// <summary>The pattern, or null when nothing but white space was typed (the query then leaves the filter out).</summary>
    public static string? Containing(string? typed) =>
        string.IsNullOrWhiteSpace(typed) ? null : $"%{EscapeLike(typed.Trim())}%";

    private static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
