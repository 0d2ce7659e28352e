namespace Kalmar.Tests.Fixtures;

/// <summary>
/// Tests wait for an event, never for a guessed duration; this is how long they wait before failing, and the failure
/// that says what did not come.
/// </summary>
public static class Waits
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary><paramref name="waiting"/>'s result, or a <see cref="TimeoutException"/> naming <paramref name="expected"/>.</summary>
    public static async Task<T> WithinPatienceAsync<T>(this Task<T> waiting, string expected)
    {
        try
        {
            return await waiting.WaitAsync(Patience);
        }
        catch (TimeoutException) when (!waiting.IsCompleted)
        {
            throw TimedOut(expected);
        }
    }

    /// <inheritdoc cref="WithinPatienceAsync{T}(Task{T}, string)"/>
    public static async Task WithinPatienceAsync(this Task waiting, string expected)
    {
        try
        {
            await waiting.WaitAsync(Patience);
        }
        catch (TimeoutException) when (!waiting.IsCompleted)
        {
            throw TimedOut(expected);
        }
    }

    /// <summary>
    /// Asks <paramref name="done"/> until it answers true, for what sends no event (a status code), or fails naming
    /// <paramref name="expected"/> after <paramref name="within"/> (<see cref="Patience"/> unless told).
    /// </summary>
    public static async Task UntilAsync(Func<Task<bool>> done, string expected, TimeSpan? within = null)
    {
        var deadline = DateTimeOffset.UtcNow + (within ?? Patience);
        while (!await done())
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw TimedOut(expected, within ?? Patience);
            }

            await Task.Delay(50);
        }
    }

    public static TimeoutException TimedOut(string expected) => TimedOut(expected, Patience);

    private static TimeoutException TimedOut(string expected, TimeSpan within) => new($"{expected} did not come within {within.TotalSeconds} s.");
}
