using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;

namespace Kalmar.Web.Features.SignIn;

/// <summary>Signing in with e-mail and password, and resetting a forgotten password with the e-mailed link.</summary>
public sealed class SignInService(IClusterClient cluster)
{
    /// <summary>The rejection of a reset link that is used, replaced or expired.</summary>
    public const string InvalidResetLinkCode = "invalid-reset-link";

    /// <summary>The new session, or null alike for an unknown e-mail, a wrong password and a locked account.</summary>
    public async Task<UserSession?> SignInAsync(string email, string password) =>
        (await cluster.GetGrain<ISignInGrain>(0).SignInAsync(email, password)).Session;

    /// <summary>Sends a link only if the address belongs to someone; the caller cannot tell whether it did.</summary>
    public Task SendPasswordResetAsync(string email) => cluster.GetGrain<ISignInGrain>(0).SendPasswordResetAsync(email);

    /// <summary>With no new password it changes nothing, yet tells whether the link's code still holds.</summary>
    public Task<Outcome<UserProfile>> ResetPasswordAsync(Guid userId, string token, PasswordChange change) =>
        cluster.GetGrain<IUserGrain>(userId).ResetPasswordAsync(token, change);

    /// <summary>The first password from an invitation link; the answer is the new user's session.</summary>
    public Task<Outcome<UserSession>> AcceptInvitationAsync(Guid userId, string token, PasswordChange change) =>
        cluster.GetGrain<IUserGrain>(userId).AcceptInvitationAsync(token, change);
}
