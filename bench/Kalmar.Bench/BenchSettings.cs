namespace Kalmar.Bench;

/// <summary>The command line of one phase: <c>COMMAND --name value … [--quick]</c>.</summary>
public sealed record BenchSettings(string Command, bool Quick, IReadOnlySet<string> Loads, IReadOnlyDictionary<string, string> Values)
{
    public Sizes Sizes => Quick ? Sizes.QuickRun : Sizes.FullRun;

    public string FiguresFile => Required("figures");

    public Uri Url => new(Required("url"));

    public bool Runs(string load) => Loads.Contains(load);

    public string Required(string name) =>
        Values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required for {Command}.");

    public static BenchSettings Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var quick = false;
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--quick")
            {
                quick = true;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                values[args[i][2..]] = args[++i];
            }
        }

        var loads = values.TryGetValue("loads", out var list) ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : LoadNames.All;
        return new BenchSettings(args.FirstOrDefault() ?? "", quick, loads.ToHashSet(StringComparer.Ordinal), values);
    }
}
