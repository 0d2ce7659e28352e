namespace Kalmar.Web.Security;

/// <summary>
/// Section <c>RateLimits</c>: how often one client may knock. Sign-in and links are counted per IP address (an
/// account's wrong passwords also lock it, in the user grain); an SMS or invitation per recipient; the API per
/// signed-in user, or per IP address before sign-in. Counted per web node.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in, app activation and the password of a reset or invitation link, per IP and minute.</summary>
    public int SignInPerMinute { get; set; } = 20;

    /// <summary>"Glömt lösenord" requests per IP and hour.</summary>
    public int PasswordResetPerHour { get; set; } = 10;

    /// <summary>A new SMS code or invitation to one traveller, per hour.</summary>
    public int MessagesPerRecipientPerHour { get; set; } = 5;

    /// <summary>Every API call, per user (or IP) and minute.</summary>
    public int ApiPerMinute { get; set; } = 600;

    /// <summary>Open hub connections of one user on one web node.</summary>
    public int HubConnectionsPerUser { get; set; } = 20;
}
