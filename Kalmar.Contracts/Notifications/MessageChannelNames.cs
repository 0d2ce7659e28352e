namespace Kalmar.Contracts.Notifications;

/// <summary>How a channel is written in the outbox table and in <c>/dev/outbox.json</c>.</summary>
public static class MessageChannelNames
{
    public const string Email = "email";
    public const string Sms = "sms";

    public static string ToName(this MessageChannel channel) => channel switch
    {
        MessageChannel.Email => Email,
        MessageChannel.Sms => Sms,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown message channel."),
    };

    public static MessageChannel Parse(string name) => name switch
    {
        Email => MessageChannel.Email,
        Sms => MessageChannel.Sms,
        _ => throw new FormatException($"Unknown message channel '{name}'."),
    };
}
