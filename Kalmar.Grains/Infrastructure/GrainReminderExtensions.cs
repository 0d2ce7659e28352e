namespace Kalmar.Grains.Infrastructure;

public static class GrainReminderExtensions
{
    /// <summary>Unregisters the grain's reminder of that name; nothing happens when there is none, so a repeated clean-up is harmless.</summary>
    public static async Task UnregisterReminderAsync(this IGrainBase grain, string reminderName)
    {
        if (await grain.GetReminder(reminderName) is { } reminder)
        {
            await grain.UnregisterReminder(reminder);
        }
    }
}
