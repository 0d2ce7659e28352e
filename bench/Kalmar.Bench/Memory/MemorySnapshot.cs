namespace Kalmar.Bench.Memory;

/// <summary>A process's resident memory and its live managed heap, both right after a full garbage collection.</summary>
public sealed record MemorySnapshot(long RssBytes, long HeapBytes);
