namespace Kalmar.Bench.Report;

/// <summary>A <c>## </c> section of the results file that a run of its own writes, keeping the rest of the file as it was.</summary>
public static class ResultSections
{
    /// <summary>The section of <paramref name="text"/> under <paramref name="heading"/>, up to the next <c>## </c> heading, or null.</summary>
    public static string? Of(string text, string heading)
    {
        var start = text.IndexOf(heading + "\n", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var end = text.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? text[start..] : text[start..(end + 1)];
    }

    /// <summary><paramref name="text"/> with its section replaced by <paramref name="section"/>, or the section appended.</summary>
    public static string With(string text, string heading, string section)
    {
        var old = Of(text, heading);
        if (old is not null)
        {
            return text.Replace(old, section.TrimEnd() + "\n" + (text.EndsWith(old, StringComparison.Ordinal) ? "" : "\n"), StringComparison.Ordinal);
        }

        return text.Length == 0 ? section : text.TrimEnd() + "\n\n" + section;
    }
}
