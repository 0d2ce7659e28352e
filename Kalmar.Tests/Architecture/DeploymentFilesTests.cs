using Kalmar.Tests.Fixtures;

namespace Kalmar.Tests.Architecture;

/// <summary>
/// Issue 16, findings 2 and 8, kept in the files that build and start the containers (this machine has no Docker
/// engine to run them): the hosts run as a non-root user, and compose runs Production with the key ring's certificate.
/// </summary>
public sealed class DeploymentFilesTests
{
    [Theory]
    [InlineData("Kalmar.Web/Dockerfile")]
    [InlineData("Kalmar.Silo/Dockerfile")]
    public void TheImageRunsItsHostAsANonRootUser(string dockerfile)
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryFiles.Root, dockerfile)).Select(line => line.Trim()).ToList();
        var finalStage = lines[lines.FindLastIndex(line => line.StartsWith("FROM ", StringComparison.Ordinal))..];

        var user = finalStage.LastOrDefault(line => line.StartsWith("USER ", StringComparison.Ordinal));

        Assert.NotNull(user);
        Assert.DoesNotContain(user["USER ".Length..].Split(':')[0], (string[])["root", "0"]);
        Assert.True(finalStage.IndexOf(user) < finalStage.FindIndex(line => line.StartsWith("ENTRYPOINT ", StringComparison.Ordinal)));
    }

    [Fact]
    public void ComposeRunsProductionAndGivesTheWebNodesTheKeyRingCertificate()
    {
        var compose = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "docker-compose.yml"));

        Assert.Contains("ASPNETCORE_ENVIRONMENT: ${KALMAR_ENVIRONMENT:-Production}", compose, StringComparison.Ordinal);
        Assert.Contains("DataProtection__CertificatePath: /run/secrets/keyring-certificate", compose, StringComparison.Ordinal);
        Assert.Contains("DataProtection__KeyPath: /run/secrets/keyring-key", compose, StringComparison.Ordinal);
    }
}
