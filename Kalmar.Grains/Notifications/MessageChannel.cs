namespace Kalmar.Grains.Notifications;

[GenerateSerializer, Alias("Kalmar.MessageChannel")]
public enum MessageChannel
{
    Email,
    Sms,
}
