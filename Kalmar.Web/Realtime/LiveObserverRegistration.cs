using Kalmar.Contracts.Abstractions;
using Microsoft.Extensions.Options;

namespace Kalmar.Web.Realtime;

/// <summary>Registers this node with the live registry grain and renews the registration on a heartbeat.</summary>
public sealed partial class LiveObserverRegistration(
    IClusterClient client,
    LiveHubObserver observer,
    IOptions<LiveOptions> options,
    ILogger<LiveObserverRegistration> logger) : BackgroundService
{
    private readonly TaskCompletionSource _registered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once this node is registered, so events published from then on reach it.</summary>
    public Task Registered => _registered.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reference = client.CreateObjectReference<ILiveObserver>(observer);
        var registry = client.GetGrain<ILiveRegistryGrain>(0);
        using var timer = new PeriodicTimer(options.Value.RenewalInterval);
        try
        {
            do
            {
                try
                {
                    await registry.SubscribeAsync(reference);
                    _registered.TrySetResult();
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogRenewalFailed(exception);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await UnsubscribeQuietlyAsync(registry, reference);
        }
        finally
        {
            client.DeleteObjectReference<ILiveObserver>(reference);
        }
    }

    private async Task UnsubscribeQuietlyAsync(ILiveRegistryGrain registry, ILiveObserver reference)
    {
        try
        {
            await registry.UnsubscribeAsync(reference).WaitAsync(TimeSpan.FromSeconds(2));
        }
        catch (Exception exception)
        {
            LogUnsubscribeFailed(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew this node's live event registration; retrying on the next heartbeat")]
    private partial void LogRenewalFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not unregister from live events while stopping; the registration will expire")]
    private partial void LogUnsubscribeFailed(Exception exception);
}
