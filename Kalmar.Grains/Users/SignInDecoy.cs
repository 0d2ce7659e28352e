using Microsoft.AspNetCore.Identity;

namespace Kalmar.Grains.Users;

/// <summary>
/// Spends the time of one password check when there is no real one to make (unknown e-mail,
/// locked account), so the answer's timing does not tell whether the account exists.
/// </summary>
internal static class SignInDecoy
{
    private static readonly Lazy<string> DecoyHash = new(() => UserGrain.Hasher.HashPassword(new UserState(), Guid.NewGuid().ToString()));

    public static void Verify(string password) =>
        _ = UserGrain.Hasher.VerifyHashedPassword(new UserState(), DecoyHash.Value, password) == PasswordVerificationResult.Success;
}
