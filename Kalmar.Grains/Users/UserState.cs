using Kalmar.Contracts.Model;

namespace Kalmar.Grains.Users;

[GenerateSerializer, Alias("Kalmar.UserState")]
public sealed class UserState
{
    [Id(0)] public UserProfile? Profile { get; set; }
    [Id(1)] public string? PasswordHash { get; set; }
    [Id(2)] public string SecurityStamp { get; set; } = "";
    [Id(3)] public int FailedSignIns { get; set; }
    [Id(4)] public DateTimeOffset? LockedUntil { get; set; }
    [Id(5)] public List<Guid> OrderIds { get; set; } = [];
    [Id(6)] public List<Ticket> Tickets { get; set; } = [];
    [Id(7)] public TermsAcceptance? Terms { get; set; }
    [Id(8)] public PasswordResetToken? PasswordReset { get; set; }
}
