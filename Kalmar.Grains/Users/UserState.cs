using Kalmar.Contracts.Model;

namespace Kalmar.Grains.Users;

/// <summary>A user as stored: the profile and sign-in state, of constant size; the user's history is in tables.</summary>
[GenerateSerializer, Alias("Kalmar.UserState")]
public sealed class UserState
{
    [Id(0)] public UserProfile? Profile { get; set; }
    [Id(1)] public string? PasswordHash { get; set; }
    [Id(2)] public string SecurityStamp { get; set; } = "";
    [Id(3)] public int FailedSignIns { get; set; }
    [Id(4)] public DateTimeOffset? LockedUntil { get; set; }
    // Ids 5 and 6 held the user's orders and tickets, which now live in traveller_orders and tickets.
    [Id(7)] public TermsAcceptance? Terms { get; set; }
    [Id(8)] public PasswordResetToken? PasswordReset { get; set; }
}
