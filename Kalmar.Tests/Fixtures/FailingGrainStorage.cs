using System.Collections.Concurrent;
using Npgsql;
using Orleans.Storage;

namespace Kalmar.Tests.Fixtures;

/// <summary>
/// The silo's real grain storage, except that writes of a grain that a test has <see cref="Break"/>-ed fail as a lost
/// database would, until the test <see cref="Mend"/>s it. Reads always go through, as after a failed write.
/// </summary>
public sealed class FailingGrainStorage(IGrainStorage storage) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public const string Failure = "Simulated storage failure";

    private readonly ConcurrentDictionary<GrainId, int> _broken = new();

    public void Break(GrainId grain) => _broken.TryAdd(grain, 0);

    public void Mend(GrainId grain) => _broken.TryRemove(grain, out _);

    /// <summary>How many writes of <paramref name="grain"/> failed since it was broken.</summary>
    public int FailedWrites(GrainId grain) => _broken.GetValueOrDefault(grain);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        storage.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        FailIfBroken(grainId) ?? storage.WriteStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        FailIfBroken(grainId) ?? storage.ClearStateAsync(stateName, grainId, grainState);

    /// <summary>The ADO.NET storage reads its queries when the silo starts.</summary>
    public void Participate(ISiloLifecycle lifecycle) => (storage as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);

    private Task? FailIfBroken(GrainId grain)
    {
        if (!_broken.ContainsKey(grain))
        {
            return null;
        }

        _broken.AddOrUpdate(grain, 1, (_, failed) => failed + 1);
        return Task.FromException(new NpgsqlException($"{Failure}: the database did not answer."));
    }
}
