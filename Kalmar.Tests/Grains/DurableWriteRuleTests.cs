using Kalmar.Tests.Fixtures;

namespace Kalmar.Tests.Grains;

/// <summary>
/// Keeps the durable-write rule in the source: only <c>WriteOrDropActivationAsync</c> writes or clears grain state, so
/// no grain can again answer after a failed write with memory that ran ahead of storage.
/// </summary>
public sealed class DurableWriteRuleTests
{
    private static readonly string Helper = Path.Combine("Kalmar.Grains", "Infrastructure", "PersistentStateExtensions.cs");

    [Fact]
    public void NoGrainWritesOrClearsItsStateButThroughTheOneHelper()
    {
        var root = RepositoryFiles.Root;
        var files = new[] { "Kalmar.Grains", "Kalmar.Silo" }
            .SelectMany(project => Directory.EnumerateFiles(Path.Combine(root, project), "*.cs", SearchOption.AllDirectories))
            .Select(file => Path.GetRelativePath(root, file))
            .Where(file => !file.Split(Path.DirectorySeparatorChar).Any(folder => folder is "obj" or "bin"))
            .ToList();

        var rawWrites = files
            .Where(file => file != Helper)
            .SelectMany(file => File.ReadLines(Path.Combine(root, file)).Select((line, index) => (File: file, Line: line, Number: index + 1)))
            .Where(place => place.Line.Contains(".WriteStateAsync(", StringComparison.Ordinal) || place.Line.Contains(".ClearStateAsync(", StringComparison.Ordinal))
            .Select(place => $"{place.File}:{place.Number}");

        Assert.Contains(Helper, files);
        Assert.Empty(rawWrites);
    }
}
