using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace Kalmar.Bench.Memory;

/// <summary>
/// Measures another .NET process through its diagnostics port, as dotnet-gcdump does: enabling the runtime's
/// GCHeapCollect keyword makes it run a full blocking collection, whose GCHeapStats event gives the live heap.
/// Without that collection, "heap size" would count whatever garbage happens to be waiting.
/// </summary>
public static class ProcessMemory
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static async Task<MemorySnapshot> MeasureAsync(int pid)
    {
        var heap = await FullCollectionHeapAsync(pid);
        return new MemorySnapshot(ResidentBytes(pid), heap);
    }

    private static async Task<long> FullCollectionHeapAsync(int pid)
    {
        var keywords = (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect);
        using var session = new DiagnosticsClient(pid).StartEventPipeSession(
            new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, keywords), requestRundown: false);
        using var source = new EventPipeEventSource(session.EventStream);
        var heap = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var fullCollection = false;
        source.Clr.GCStart += started => fullCollection |= started.Depth == 2;
        source.Clr.GCHeapStats += stats =>
        {
            if (fullCollection)
            {
                heap.TrySetResult(stats.GenerationSize0 + stats.GenerationSize1 + stats.GenerationSize2 + stats.GenerationSize3 + stats.GenerationSize4);
            }
        };
        var processing = Task.Run(source.Process);
        try
        {
            return await heap.Task.WaitAsync(Patience);
        }
        finally
        {
            await session.StopAsync(CancellationToken.None);
            await processing.WaitAsync(Patience);
        }
    }

    private static long ResidentBytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(line => line.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }
}
