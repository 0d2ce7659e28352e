using Kalmar.Grains.Transit;

namespace Kalmar.Tests.Domain;

/// <summary>Loads the shipped feed once for a test class.</summary>
public sealed class ShippedFeedFixture
{
    public TransitIndex Index { get; } = TransitIndex.Load(ShippedData.Gtfs);
}
