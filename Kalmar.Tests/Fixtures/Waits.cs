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

    public static TimeoutException TimedOut(string expected) => new($"{expected} did not come within {Patience.TotalSeconds} s.");
}
