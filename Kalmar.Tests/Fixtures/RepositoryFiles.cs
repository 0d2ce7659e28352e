using System.Runtime.CompilerServices;

namespace Kalmar.Tests.Fixtures;

/// <summary>The repository's own files, for tests that keep a rule of the source or of the deployment files.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = RootOf();

    private static string RootOf([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", ".."));
}
