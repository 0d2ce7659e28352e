using Kalmar.Bench.Measuring;
using Kalmar.Bench.Portal;

namespace Kalmar.Bench.Chaos;

/// <summary>
/// The web nodes as a client behind a load balancer meets them: each client has a home node, and a node that refused a
/// connection is passed over for a while (a proxy's passive health check) before it gets requests again.
/// </summary>
public sealed class WebNodes
{
    private static readonly TimeSpan Quarantine = TimeSpan.FromSeconds(10);
    private readonly long[] _downUntil;
    private readonly PortalHttp[] _portals;

    public WebNodes(IReadOnlyList<Uri> addresses)
    {
        Addresses = addresses;
        _downUntil = new long[addresses.Count];
        _portals = [.. addresses.Select(address =>
        {
            var http = PortalHttp.CreateClient(address);
            // Each web node gives up on a grain after 5 s (503); anything much slower is a node that hangs.
            http.Timeout = TimeSpan.FromSeconds(20);
            return new PortalHttp(http);
        })];
    }

    public IReadOnlyList<Uri> Addresses { get; }

    public PortalHttp Portal(int node) => _portals[node];

    /// <summary>The client's home node unless it is passed over, else the next one that is not.</summary>
    public int Pick(int home)
    {
        for (var i = 0; i < _portals.Length; i++)
        {
            var node = (home + i) % _portals.Length;
            if (Ticks.Now >= Volatile.Read(ref _downUntil[node]))
            {
                return node;
            }
        }

        return home % _portals.Length;
    }

    public void MarkDown(int node) => Volatile.Write(ref _downUntil[node], Ticks.After(Ticks.Now, Quarantine));
}
