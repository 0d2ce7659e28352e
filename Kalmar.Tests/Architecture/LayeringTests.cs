using System.Reflection;

namespace Kalmar.Tests.Architecture;

/// <summary>
/// The reference arrows of architecture.md, read from the built assemblies: Web → Contracts ← Grains ← Silo. The web
/// host sees the cluster only through Contracts (grain interfaces and records), and the rules know nothing of HTTP.
/// </summary>
public sealed class LayeringTests
{
    private const string Contracts = "Kalmar.Contracts";
    private const string Grains = "Kalmar.Grains";
    private const string Silo = "Kalmar.Silo";
    private const string Web = "Kalmar.Web";

    [Theory]
    [InlineData(Contracts)]
    [InlineData(Grains, Contracts)]
    [InlineData(Web, Contracts)]
    [InlineData(Silo, Grains, Contracts)]
    public void KalmarAssembliesReferenceOnlyTheirLayersBelow(string assembly, params string[] allowed)
    {
        var kalmar = ReferencedNames(assembly).Where(name => name.StartsWith("Kalmar.", StringComparison.Ordinal)).Order().ToList();

        var forbidden = kalmar.Except(allowed).ToList();
        Assert.True(
            forbidden.Count == 0,
            $"{assembly} references {string.Join(", ", forbidden)}; among Kalmar assemblies it may reference only "
            + $"{(allowed.Length == 0 ? "none" : string.Join(", ", allowed))} (Web → Contracts ← Grains ← Silo).");
        if (allowed is [var below, ..])
        {
            Assert.True(kalmar.Contains(below), $"The arrow {assembly} → {below} is missing: {assembly} no longer references it.");
        }
    }

    [Fact]
    public void WebUsesNoTypeOfTheGrainsAssembly()
    {
        var web = Load(Web);

        var usages = TypeUsages.Of(web).Where(usage => usage.Used.Assembly.GetName().Name == Grains)
            .Select(usage => $"{usage} ({Kind(usage.Used)})").Distinct().Order().ToList();

        Assert.True(
            usages.Count == 0,
            $"{Web} uses types of {Grains} in {usages.Count} place(s); the web host may know only grain interfaces and records "
            + $"of {Contracts}:\n{string.Join("\n", usages)}");
        Assert.False(
            ReferencedNames(Web).Contains(Grains),
            $"{Web} references the assembly {Grains} (in a method body, as no signature, field or base type uses it); "
            + $"the web host may know only {Contracts}.");
    }

    [Fact]
    public void WebDefinesNoGrain()
    {
        var grains = Load(Web).GetTypes().Where(type => typeof(IGrainBase).IsAssignableFrom(type) || typeof(Grain).IsAssignableFrom(type))
            .Select(type => type.FullName).Order().ToList();

        Assert.True(grains.Count == 0, $"{Web} defines grain(s), which belong in {Grains}: {string.Join(", ", grains)}");
    }

    [Theory]
    [InlineData(Grains)]
    [InlineData(Contracts)]
    public void RulesAndContractsReferenceNoAspNetCoreAssembly(string assembly)
    {
        // By assembly name: PasswordHasher<T> is in namespace Microsoft.AspNetCore.Identity but in the assembly
        // Microsoft.Extensions.Identity.Core, which is allowed.
        var aspNetCore = ReferencedNames(assembly).Where(name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal))
            .Order().ToList();

        Assert.True(
            aspNetCore.Count == 0,
            $"{assembly} references ASP.NET Core ({string.Join(", ", aspNetCore)}); only {Web} may: the rules and the "
            + "contracts must not depend on HTTP.");
    }

    private static Assembly Load(string name) => Assembly.Load(new AssemblyName(name));

    private static List<string> ReferencedNames(string assembly) =>
        [.. Load(assembly).GetReferencedAssemblies().Select(reference => reference.Name!)];

    private static string Kind(Type type) => type switch
    {
        _ when typeof(IGrainBase).IsAssignableFrom(type) || typeof(Grain).IsAssignableFrom(type) => "a grain class",
        _ when type.Name.EndsWith("State", StringComparison.Ordinal) => "a grain's state",
        _ => "a Grains type",
    };
}
