using Microsoft.Extensions.Time.Testing;

namespace Kalmar.Tests.Fixtures;

/// <summary>
/// The business clock of clusters started with <c>fakeClock: true</c> (Orleans keeps the real one). Silos are created by type inside the
/// test cluster, so they reach it statically; tests run one at a time, so they do not share it.
/// </summary>
public static class TestClock
{
    public const string SettingName = "TestClock:Enabled";

    public static FakeTimeProvider Instance { get; } = new(DateTimeOffset.UtcNow);
}
