using System.Collections.ObjectModel;

namespace Kalmar.Tests.Fixtures;

/// <summary>A collection that an exporter fills from its own threads while a test reads a <see cref="Snapshot"/>.</summary>
public sealed class LockedCollection<T> : Collection<T>
{
    private readonly Lock _lock = new();

    public T[] Snapshot()
    {
        lock (_lock)
        {
            return [.. Items];
        }
    }

    protected override void InsertItem(int index, T item)
    {
        lock (_lock)
        {
            base.InsertItem(index, item);
        }
    }
}
