namespace Kalmar.Grains.Notifications;

public enum MessageChannel
{
    Email,
    Sms,
}
