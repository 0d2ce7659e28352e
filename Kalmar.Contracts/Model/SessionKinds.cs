namespace Kalmar.Contracts.Model;

/// <summary>How a session was opened: the portal's sign-in page (a cookie), or the API (the app's tokens).</summary>
public static class SessionKinds
{
    public const string Portal = "portal";
    public const string App = "app";
}
