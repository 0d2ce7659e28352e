namespace Kalmar.Silo.Extensions;

/// <summary>Runs the migrations before any other part of the silo starts, since clustering reads its queries from the database.</summary>
internal sealed class MigrateOnStart(DatabaseMigrator migrator) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(MigrateOnStart), ServiceLifecycleStage.First, async cancellationToken => await migrator.MigrateAsync(cancellationToken));
}
