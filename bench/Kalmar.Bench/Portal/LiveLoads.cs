using Kalmar.Bench.Measuring;
using Kalmar.Bench.Memory;

namespace Kalmar.Bench.Portal;

/// <summary>
/// The live hub under many idle connections on the one web node: what each idle connection costs the web process,
/// and how fast approve → <c>orderStatusChanged</c> and purchase → <c>creditChanged</c> reach the traveller meanwhile.
/// </summary>
public sealed class LiveLoads(Uri portalAddress, PortalHttp portal, Sizes sizes, FigureLog figures)
{
    public async Task RunAsync(int webPid, string adminToken, IReadOnlyList<Traveller> idleOwners, IReadOnlyList<Traveller> orderers, Traveller buyer)
    {
        Console.WriteLine($"kalmar: placing {sizes.Approvals} staff-offer orders");
        var orders = await StaffOrders.PlaceAsync(portal, orderers, sizes.Approvals);

        Console.WriteLine($"kalmar: opening {sizes.IdleConnections} idle hub connections");
        MachineLoad.Note(figures, LoadNames.Live, "kalmar");
        var before = await ProcessMemory.MeasureAsync(webPid);
        await using var idle = new IdleConnections();
        var opening = Ticks.Now;
        await idle.OpenAsync(portalAddress, idleOwners, sizes.IdleConnections);
        figures.Add(LoadNames.Live, "kalmar", "idle-open-seconds", Ticks.Milliseconds(opening, Ticks.Now) / 1000);
        var after = await ProcessMemory.MeasureAsync(webPid);
        figures.Add(LoadNames.Live, "kalmar", "idle-open", idle.Open);
        figures.Add(LoadNames.Live, "kalmar", "idle-failed", idle.Failed);
        figures.Add(LoadNames.Live, "kalmar", "web-rss-before-mb", before.RssBytes / 1048576.0);
        figures.Add(LoadNames.Live, "kalmar", "web-rss-after-mb", after.RssBytes / 1048576.0);
        figures.Add(LoadNames.Live, "kalmar", "idle-rss-kb", (after.RssBytes - before.RssBytes) / 1024.0 / Math.Max(1, idle.Open));
        figures.Add(LoadNames.Live, "kalmar", "idle-heap-kb", (after.HeapBytes - before.HeapBytes) / 1024.0 / Math.Max(1, idle.Open));

        var latency = new LiveLatency(portalAddress, portal, figures);
        Console.WriteLine($"kalmar: approve → orderStatusChanged, {idle.Open} idle connections open");
        await latency.ApproveToOrderStatusChangedAsync(adminToken, orderers, orders);
        Console.WriteLine($"kalmar: purchase → creditChanged on a second device, {idle.Open} idle connections open");
        await latency.PurchaseToCreditChangedAsync(buyer, sizes.CreditEvents);
        figures.Add(LoadNames.Live, "kalmar", "idle-open-at-end", idle.Open);
    }
}
