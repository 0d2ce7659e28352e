using System.Collections.Concurrent;
using Kalmar.Grains.Notifications;
using Kalmar.Silo.Notifications;

namespace Kalmar.Tests.Notifications;

/// <summary>
/// Counts every call per message id; fails each message's first <paramref name="failuresPerMessage"/>
/// attempts; <see cref="Delivered"/> completes once <paramref name="expected"/> distinct messages went out.
/// </summary>
public sealed class RecordingSender(int failuresPerMessage = 0, int expected = int.MaxValue, Func<OutgoingMessage, Task>? duringSend = null)
    : IEmailSender, ISmsSender
{
    private readonly ConcurrentDictionary<Guid, int> _calls = new();
    private readonly ConcurrentDictionary<Guid, int> _deliveries = new();
    private readonly TaskCompletionSource _delivered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyDictionary<Guid, int> Calls => _calls;

    /// <summary>Successful sends per message id.</summary>
    public IReadOnlyDictionary<Guid, int> Deliveries => _deliveries;

    public Task Delivered => _delivered.Task;

    public async Task SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var call = _calls.AddOrUpdate(message.Id, 1, (_, calls) => calls + 1);
        // Let the other dispatcher run in between, as a real network send would.
        await Task.Yield();
        if (duringSend is not null)
        {
            await duringSend(message);
        }

        if (call <= failuresPerMessage)
        {
            throw new InvalidOperationException($"Simulated failure {call} of {message.Id}");
        }

        _deliveries.AddOrUpdate(message.Id, 1, (_, deliveries) => deliveries + 1);
        if (_deliveries.Count >= expected)
        {
            _delivered.TrySetResult();
        }
    }
}
