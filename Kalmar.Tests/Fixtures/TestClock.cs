using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Kalmar.Tests.Fixtures;

/// <summary>
/// The business clocks of clusters started with a fake clock (Orleans keeps the real one). Silos are created by type
/// inside the test cluster, so they find their clock by the name in their configuration. Clusters started with
/// <c>fakeClock: true</c> share <see cref="Instance"/>, which only moves forward; a fixture whose tests need dates that
/// others' tests have moved past (e.g. within the timetable's period) gives its cluster a clock of its own.
/// </summary>
public static class TestClock
{
    public const string SettingName = "TestClock:Name";

    private const string Shared = "shared";

    private static readonly ConcurrentDictionary<string, FakeTimeProvider> Clocks = new() { [Shared] = new(DateTimeOffset.UtcNow) };

    public static FakeTimeProvider Instance => Clocks[Shared];

    /// <summary>The name a cluster's configuration gives for <paramref name="clock"/>: the shared one, or a new one of its own.</summary>
    public static string NameOf(FakeTimeProvider? clock)
    {
        if (clock is null)
        {
            return Shared;
        }

        var name = Guid.NewGuid().ToString("N");
        Clocks[name] = clock;
        return name;
    }

    /// <summary>The clock a silo's configuration names, or null for a cluster on the real clock.</summary>
    public static FakeTimeProvider? Named(string? name) => name is { Length: > 0 } && Clocks.TryGetValue(name, out var clock) ? clock : null;
}
