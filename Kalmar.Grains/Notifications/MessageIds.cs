using System.Security.Cryptography;
using System.Text;

namespace Kalmar.Grains.Notifications;

/// <summary>Derives a message's id from what it is about, e.g. ("order-decided", orderId, "email").</summary>
public static class MessageIds
{
    public static Guid For(params object[] parts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', parts)));
        return new Guid(hash.AsSpan(0, 16));
    }
}
