namespace Kalmar.Web.Realtime;

/// <summary>
/// Whether a silo died (or stopped) since the last look: the live route grains it held come back elsewhere knowing no
/// node, so <see cref="LiveRoutes"/> renews at once rather than at its heartbeat, minutes later. Read from the cluster's
/// membership, where a silo is <see cref="SiloStatus.Dead"/> once declared so (or once stopped, its grains deactivated),
/// which is also when renewals reach the routes' new activations. A lost gateway was the signal before, but a node need
/// not be connected to every silo's gateway: in the chaos run both web nodes had started before the second silo was
/// listed, never connected to it, and heard of its death only at the two-minute heartbeat.
/// </summary>
public sealed partial class SiloDeaths(IClusterClient client, ILogger<SiloDeaths> logger)
{
    /// <summary>Each silo's status at the last look; only <see cref="LiveRoutes"/>' loop asks.</summary>
    private Dictionary<SiloAddress, SiloStatus>? _silos;

    /// <summary>
    /// True when a silo that was not dead at the last look is dead (or gone) now; false the first time, and while the
    /// cluster does not answer (the look after that compares with the last answer).
    /// </summary>
    public async Task<bool> AnySinceLastAskedAsync()
    {
        Dictionary<SiloAddress, SiloStatus> silos;
        try
        {
            silos = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: false);
        }
        catch (Exception exception)
        {
            LogUnanswered(exception);
            return false;
        }

        var died = _silos is { } before && before.Any(silo => silo.Value != SiloStatus.Dead && silos.GetValueOrDefault(silo.Key, SiloStatus.Dead) == SiloStatus.Dead);
        _silos = silos;
        return died;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "The cluster did not say which silos are alive; asking again on the next tick")]
    private partial void LogUnanswered(Exception exception);
}
