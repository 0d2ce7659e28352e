namespace Kalmar.Grains.Infrastructure;

public static class PersistentStateExtensions
{
    /// <summary>
    /// Writes a grain's state. If that fails the activation's memory is ahead of storage (a change that may not
    /// have happened), so the activation goes and the next call starts again from what is stored.
    /// </summary>
    public static async Task WriteOrDeactivateAsync<T>(this IPersistentState<T> state, IGrainBase grain)
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
