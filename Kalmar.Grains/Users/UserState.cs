using Kalmar.Contracts.Model;

namespace Kalmar.Grains.Users;

/// <summary>
/// A user as stored in <c>users</c>: the profile and sign-in state, of constant size; the user's history is in
/// tables. <see cref="Version"/> is the row's version this activation read or last wrote.
/// </summary>
public sealed class UserState
{
    public UserProfile? Profile { get; set; }
    public string? PasswordHash { get; set; }
    public string SecurityStamp { get; set; } = "";
    public int FailedSignIns { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public TermsAcceptance? Terms { get; set; }
    public PasswordResetToken? PasswordReset { get; set; }

    /// <summary>The outstanding invitation link of a user who has not yet set a password.</summary>
    public PasswordResetToken? Invitation { get; set; }

    /// <summary>The link sent to <see cref="UserProfile.PendingEmail"/>, which confirms it.</summary>
    public PasswordResetToken? EmailChange { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public long Version { get; set; }

    public UserState Copy() => (UserState)MemberwiseClone();
}
