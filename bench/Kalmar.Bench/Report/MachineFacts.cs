using System.Globalization;

namespace Kalmar.Bench.Report;

/// <summary>What the figures were measured on: cores, memory, kernel, PostgreSQL, date.</summary>
public static class MachineFacts
{
    public static IReadOnlyList<(string Name, string Value)> Read(IReadOnlyDictionary<string, string> values) =>
    [
        ("date", DateTimeOffset.Now.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)),
        ("cores", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)),
        ("CPU", ProcLine("/proc/cpuinfo", "model name") ?? "?"),
        ("RAM", ProcLine("/proc/meminfo", "MemTotal") is { } total ? $"{long.Parse(total.Split(' ')[0], CultureInfo.InvariantCulture) / 1048576.0:0.0} GiB" : "?"),
        ("kernel (uname -r)", File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : "?"),
        (".NET", Environment.Version.ToString()),
        ("PostgreSQL", values.GetValueOrDefault("postgres-version", "?")),
        ("load average at start / at report", $"{values.GetValueOrDefault("load-at-start", "?")} / {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"),
    ];

    private static string? ProcLine(string path, string key) =>
        File.Exists(path)
            ? File.ReadLines(path).FirstOrDefault(line => line.StartsWith(key, StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
}
