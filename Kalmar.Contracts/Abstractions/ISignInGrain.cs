using Kalmar.Contracts.Model;
using Orleans.Concurrency;

namespace Kalmar.Contracts.Abstractions;

/// <summary>Signs in by e-mail address: finds the user and asks its grain to check the password.</summary>
[Alias("Kalmar.ISignInGrain")]
public interface ISignInGrain : IGrainWithIntegerKey
{
    [Alias("SignIn")]
    Task<SignInOutcome> SignInAsync(string email, string password);

    /// <summary>
    /// Sends a reset link (to the configured portal address) if the address belongs to a user; the caller cannot
    /// tell whether it did, not even by the time the answer takes: a one-way call, answered before the lookup.
    /// </summary>
    [Alias("SendPasswordReset"), OneWay]
    Task SendPasswordResetAsync(string email);
}
