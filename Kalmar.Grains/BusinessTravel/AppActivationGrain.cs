using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Model;
using Kalmar.Grains.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Kalmar.Grains.BusinessTravel;

public sealed class AppActivationGrain(
    [PersistentState("app-activation")] IPersistentState<AppActivationState> state,
    [FromKeyedServices(BusinessClock.Key)] TimeProvider time) : Grain, IAppActivationGrain
{
    internal const int MaxFailures = 5;
    internal static readonly TimeSpan FailureWindow = TimeSpan.FromMinutes(15);

    public async Task IssueAsync(Guid userId, string codeHash, DateTimeOffset expiresAt)
    {
        state.State = new AppActivationState { UserId = userId, CodeHash = codeHash, ExpiresAt = expiresAt };
        await state.WriteOrDropActivationAsync(this);
    }

    public async Task RevokeAsync()
    {
        state.State.CodeHash = null;
        await state.WriteOrDropActivationAsync(this);
    }

    public async Task<Outcome<Guid>> ActivateAsync(string code)
    {
        var now = time.GetUtcNow();
        state.State.Failures.RemoveAll(failure => failure <= now - FailureWindow);
        if (state.State.Failures.Count >= MaxFailures)
        {
            return Rejection.Of(RejectionCodes.TooManyAttempts, "För många felaktiga försök. Vänta en kvart och försök igen.");
        }

        if (state.State is not { CodeHash: { } hash, Used: false } || state.State.ExpiresAt <= now || !OneTimeCodes.Matches(code, hash))
        {
            state.State.Failures.Add(now);
            await state.WriteOrDropActivationAsync(this);
            return Rejection.Of(RejectionCodes.InvalidCode, RejectionMessages.InvalidCode);
        }

        state.State.Used = true;
        await state.WriteOrDropActivationAsync(this);
        return Outcome<Guid>.Success(state.State.UserId);
    }
}
