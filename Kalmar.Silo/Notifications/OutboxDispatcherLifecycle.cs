namespace Kalmar.Silo.Notifications;

/// <summary>
/// Runs the dispatcher while the silo is active: after the migrations have made the outbox table,
/// and stopped before the silo hands its grains over.
/// </summary>
internal sealed class OutboxDispatcherLifecycle(OutboxDispatcher dispatcher) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(OutboxDispatcher), ServiceLifecycleStage.Active, dispatcher.StartAsync, dispatcher.StopAsync);
}
