namespace Kalmar.Grains.Infrastructure;

/// <summary>The one way a grain persists its state: every grain writes through <see cref="WriteOrDropActivationAsync{T}"/>.</summary>
public static class PersistentStateExtensions
{
    /// <summary>
    /// Writes the grain's state before the grain acknowledges anything that depends on it. When the write fails,
    /// however it fails (a lost connection, a timeout whose outcome is unknown, an <c>InconsistentStateException</c>
    /// from a stale activation), the activation is dropped (<c>DeactivateOnIdle</c>) and the exception goes on to
    /// the caller: the memory that ran ahead of storage is discarded, the next call starts a fresh activation that
    /// re-reads storage and re-checks its command, and no caller is told of a change that may not have happened.
    /// </summary>
    /// <remarks>A caller that catches the exception must not go on acting on the state it failed to write.</remarks>
    public static async Task WriteOrDropActivationAsync<T>(this IPersistentState<T> state, IGrainBase grain)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            grain.DeactivateOnIdle();
            throw;
        }
    }
}
