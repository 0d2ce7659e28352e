namespace Kalmar.Contracts.Notifications;

[GenerateSerializer, Alias("Kalmar.MessageChannel")]
public enum MessageChannel
{
    Email,
    Sms,
}
