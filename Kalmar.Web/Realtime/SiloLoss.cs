namespace Kalmar.Web.Realtime;

/// <summary>
/// Set when this node loses a gateway, which here is a silo lost: the live route grains it held come back elsewhere
/// knowing no node, so <see cref="LiveRoutes"/> renews at once rather than at its next heartbeat, minutes later.
/// Its own type, with nothing to inject, so the Orleans client can call it while it is being built.
/// </summary>
public sealed class SiloLoss
{
    private int _lost;

    public void OnGatewayCountChanged(object? sender, GatewayCountChangedEventArgs change)
    {
        if (change.NumberOfConnectedGateways < change.PreviousNumberOfConnectedGateways)
        {
            Volatile.Write(ref _lost, 1);
        }
    }

    /// <summary>Whether a gateway was lost since the last call.</summary>
    public bool Take() => Interlocked.Exchange(ref _lost, 0) == 1;
}
