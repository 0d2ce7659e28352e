namespace Kalmar.Contracts.Model;

/// <summary>Why a session ended, as <c>sessions.ended_why</c> keeps it.</summary>
public static class SessionEndReasons
{
    public const string Logout = "logout";
    public const string SignedOutElsewhere = "signed-out-from-another-device";
    public const string PasswordChanged = "password-changed";
    public const string PasswordReset = "password-reset";
    public const string RolesChanged = "roles-changed";
    public const string Deactivated = "deactivated";
    public const string RefreshTokenReused = "refresh-token-reused";
    public const string Idle = "idle";
    public const string Expired = "expired";

    /// <summary>The reasons an administrator caused, which the closing screen says so.</summary>
    public static bool ByAdministrator(string reason) => reason is RolesChanged or Deactivated;
}
