using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;
using Orleans.Concurrency;

namespace Kalmar.Grains.Users;

[StatelessWorker]
public sealed class SignInGrain(UserStore users) : Grain, ISignInGrain
{
    public async Task<SignInOutcome> SignInAsync(string email, string password)
    {
        if (await users.FindByEmailAsync(email) is not { } userId)
        {
            SignInDecoy.Verify(password);
            return SignInOutcome.Failed;
        }

        return await GrainFactory.GetGrain<IUserGrain>(userId).SignInAsync(password);
    }

    public async Task SendPasswordResetAsync(string email)
    {
        if (await users.FindByEmailAsync(email) is { } userId)
        {
            await GrainFactory.GetGrain<IUserGrain>(userId).SendPasswordResetAsync();
        }
    }
}
