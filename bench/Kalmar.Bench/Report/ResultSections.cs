using System.Globalization;
using System.Text;
using Kalmar.Bench.Measuring;

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

    /// <summary>
    /// Opens a section a load writes on its own: its heading, <paramref name="intro"/>, the machine's facts and the load
    /// averages <paramref name="load"/> recorded, described by <paramref name="loadAveragesAre"/>.
    /// </summary>
    public static StringBuilder Open(
        string heading, string intro, IReadOnlyList<Figure> figures, IReadOnlyDictionary<string, string> values, string load, string loadAveragesAre)
    {
        var md = new StringBuilder();
        md.AppendLine(heading);
        md.AppendLine();
        md.AppendLine(intro);
        md.AppendLine();
        foreach (var (name, value) in MachineFacts.Read(values))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {name}: {value}");
        }

        var loadAverages = figures.Where(figure => figure.Load == load && figure.Name == "machine-load-average")
            .Select(figure => figure.Value.ToString("0.#", CultureInfo.InvariantCulture));
        md.AppendLine(CultureInfo.InvariantCulture, $"- load average (1 min) {loadAveragesAre}: {string.Join(" / ", loadAverages)}");
        md.AppendLine();
        return md;
    }
}
