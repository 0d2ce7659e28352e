using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;

namespace Kalmar.Bench.Portal;

/// <summary>Hub connections that only stay open: the load a web node carries for every phone with the app open.</summary>
public sealed class IdleConnections : IAsyncDisposable
{
    private readonly ConcurrentBag<HubConnection> _open = [];
    private int _failed;

    public int Open => _open.Count;

    public int Failed => _failed;

    /// <summary>Opens <paramref name="count"/> connections, spread over the travellers' tokens (several devices each).</summary>
    public async Task OpenAsync(Uri portal, IReadOnlyList<Traveller> owners, int count)
    {
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, cancellationToken) =>
        {
            var connection = HubConnections.Create(portal, owners[i % owners.Count].Token);
            try
            {
                await connection.StartAsync(cancellationToken);
                _open.Add(connection);
            }
            catch (Exception)
            {
                // Whatever refused it (a timeout on a loaded machine, a full socket table), the run goes on and counts it.
                Interlocked.Increment(ref _failed);
                await connection.DisposeAsync();
            }
        });
    }

    public async ValueTask DisposeAsync() =>
        await Parallel.ForEachAsync(_open, new ParallelOptions { MaxDegreeOfParallelism = 64 }, (connection, _) => connection.DisposeAsync());
}
