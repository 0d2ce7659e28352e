namespace Kalmar.Web.Infrastructure;

/// <summary>A background service's loop: the work after each interval until the host stops, whose stopping is no failure.</summary>
public static class PeriodicWork
{
    public static async Task RunAsync(TimeSpan interval, Func<Task> work, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await work();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }
}
