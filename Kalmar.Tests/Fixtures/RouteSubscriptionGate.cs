using Kalmar.Contracts.Abstractions;

namespace Kalmar.Tests.Fixtures;

/// <summary>
/// A web node's outgoing call filter that, while closed, holds the node's subscriptions to live routes: a test sends an
/// event after a route lost its nodes and before the node renews, which in the chaos run was a race of a few seconds.
/// </summary>
public sealed class RouteSubscriptionGate : IOutgoingGrainCallFilter
{
    private volatile TaskCompletionSource _open = Opened();

    public void Close() => _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => _open.TrySetResult();

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        if (context.InterfaceMethod is { Name: nameof(ILiveRouteGrain.SubscribeAsync) } method && method.DeclaringType == typeof(ILiveRouteGrain))
        {
            await _open.Task;
        }

        await context.Invoke();
    }

    private static TaskCompletionSource Opened()
    {
        var opened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        opened.SetResult();
        return opened;
    }
}
