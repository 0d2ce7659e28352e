namespace Kalmar.Web.Extensions;

/// <summary>Keeps trying to reach the cluster while the web node starts, so it may start before the silos.</summary>
internal sealed class RetryUntilStopped : IClientConnectionRetryFilter
{
    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        return !cancellationToken.IsCancellationRequested;
    }
}
