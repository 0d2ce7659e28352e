using Kalmar.Contracts.Model;
using Kalmar.Grains.Credit;
using Kalmar.Web.Realtime;

namespace Kalmar.Tests.Domain;

/// <summary>The two bounded in-memory windows: recent receipts of a credit account, and live events a node delivered.</summary>
public sealed class RecentWindowTests
{
    [Fact]
    public void ReceiptWindowKeepsTheNewestKeysAndForgetsTheOldest()
    {
        var window = new RecentReceipts(capacity: 2);
        var receipts = Enumerable.Range(0, 3).Select(_ => new ChargeReceipt(Guid.NewGuid(), DateTimeOffset.UtcNow, new CreditView("2026-12", true, 100, 0))).ToArray();

        window.Add("a", receipts[0]);
        window.Add("b", receipts[1]);
        window.Add("a", receipts[2]); // a key keeps its first receipt
        window.Add("c", receipts[2]);

        Assert.False(window.TryGet("a", out _));
        Assert.True(window.TryGet("b", out var b) && b == receipts[1]);
        Assert.True(window.TryGet("c", out var c) && c == receipts[2]);
    }

    [Fact]
    public void EventReachedThroughTwoRoutesIsDeliveredOnceAndTheWindowStaysBounded()
    {
        var delivered = new RecentEventIds(capacity: 2);
        var (first, second, third) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        Assert.True(delivered.TryAdd(first));
        Assert.False(delivered.TryAdd(first));
        Assert.True(delivered.TryAdd(second));
        Assert.True(delivered.TryAdd(third));
        Assert.True(delivered.TryAdd(first)); // long forgotten: a window, not a log
    }
}
