namespace Kalmar.Contracts.Model;

/// <summary>How long sessions last (OWASP ASVS level 2, 3.3): a browser's briefly, the app's while it is used.</summary>
public static class SessionLifetimes
{
    /// <summary>A portal session, or any session's cookie, unused this long is refused.</summary>
    public static readonly TimeSpan PortalIdle = TimeSpan.FromMinutes(30);

    /// <summary>A portal session, or any session's cookie, ends this long after sign-in however busy it is.</summary>
    public static readonly TimeSpan PortalAbsolute = TimeSpan.FromHours(12);

    /// <summary>An app session ends this long after its refresh token was last used (each use rotates it).</summary>
    public static readonly TimeSpan App = TimeSpan.FromDays(30);

    /// <summary>
    /// How long a web node may answer from its memory that a session is open before it asks the session again; so also
    /// how long the news of an end may take to reach a node before it no longer matters there.
    /// </summary>
    public static readonly TimeSpan NodeMemory = TimeSpan.FromSeconds(1);
}
