using System.Globalization;

namespace Kalmar.Bench.Measuring;

/// <summary>The machine's one-minute load average, noted as each load starts: on a shared machine it says how noisy a figure is.</summary>
public static class MachineLoad
{
    public static void Note(FigureLog figures, string load, string system) =>
        figures.Add(load, system, "machine-load-average", double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture));
}
