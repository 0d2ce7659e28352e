using Kalmar.Grains.Abstractions;
using Kalmar.Grains.Contracts;
using Kalmar.Grains.Live;
using Kalmar.Grains.Payloads;
using Microsoft.AspNetCore.Identity;

namespace Kalmar.Grains.Users;

public sealed class UserGrain(
    [PersistentState("user")] IPersistentState<UserState> state,
    UserEmailIndex emailIndex,
    TimeProvider time) : Grain, IUserGrain
{
    internal const int MaxFailedSignIns = 5;
    internal static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    internal static readonly PasswordHasher<UserState> Hasher = new();

    private Guid Id => this.GetPrimaryKey();

    public async Task<UserProfile> CreateAsync(NewUser user)
    {
        if (state.State.Profile is { } existing)
        {
            await RegisterWithCompanyAsync(existing);
            return existing;
        }

        if (!await emailIndex.TryClaimAsync(user.Email, Id))
        {
            throw new InvalidOperationException($"The e-mail address {user.Email} belongs to another user.");
        }

        state.State.Profile = new UserProfile(
            Id, user.FirstName, user.LastName, UserEmailIndex.Normalize(user.Email), user.Mobile, Phone: null,
            Personnummer: null, user.CompanyId, user.DepartmentId, user.Roles, user.AdministeredDepartmentIds,
            new NotificationChoice(Email: true, Sms: false), Active: true);
        state.State.PasswordHash = user.Password is null ? null : Hasher.HashPassword(state.State, user.Password);
        state.State.SecurityStamp = Guid.NewGuid().ToString("N");
        await state.WriteStateAsync();
        await RegisterWithCompanyAsync(state.State.Profile);
        return state.State.Profile;
    }

    public Task<UserProfile?> GetAsync() => Task.FromResult(state.State.Profile);

    public async Task<SignInOutcome> SignInAsync(string password)
    {
        var now = time.GetUtcNow();
        if (state.State is not { Profile.Active: true, PasswordHash: { } hash } || state.State.LockedUntil > now)
        {
            SignInDecoy.Verify(password);
            return SignInOutcome.Failed;
        }

        if (Hasher.VerifyHashedPassword(state.State, hash, password) == PasswordVerificationResult.Failed)
        {
            await RecordFailureAsync(now);
            return SignInOutcome.Failed;
        }

        if (state.State.FailedSignIns > 0 || state.State.LockedUntil is not null)
        {
            state.State.FailedSignIns = 0;
            state.State.LockedUntil = null;
            await state.WriteStateAsync();
        }

        return new SignInOutcome(ToSession(state.State.Profile));
    }

    public async Task RecordOrderAsync(Guid orderId)
    {
        if (!state.State.OrderIds.Contains(orderId))
        {
            state.State.OrderIds.Insert(0, orderId);
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<Guid>> GetOrderIdsAsync() => Task.FromResult<IReadOnlyList<Guid>>([.. state.State.OrderIds]);

    public async Task IssueTicketsAsync(IReadOnlyList<Ticket> tickets)
    {
        var issued = tickets.Where(ticket => state.State.Tickets.TrueForAll(held => held.Id != ticket.Id)).ToList();
        if (issued.Count == 0)
        {
            return;
        }

        state.State.Tickets.AddRange(issued);
        await state.WriteStateAsync();
        foreach (var ticket in issued)
        {
            await GrainFactory.PublishLiveAsync(LiveEvent.ToUser(LiveEvents.TicketIssued, TicketPayload.Of(ticket), Id));
        }
    }

    public Task<IReadOnlyList<Ticket>> GetActiveTicketsAsync()
    {
        var now = time.GetUtcNow();
        return Task.FromResult<IReadOnlyList<Ticket>>([.. state.State.Tickets.Where(ticket => ticket.ValidTo > now).OrderBy(ticket => ticket.ValidTo)]);
    }

    public Task<bool> IsSessionValidAsync(string securityStamp) =>
        Task.FromResult(state.State.Profile is { Active: true } && state.State.SecurityStamp == securityStamp);

    private async Task RecordFailureAsync(DateTimeOffset now)
    {
        state.State.FailedSignIns++;
        if (state.State.FailedSignIns >= MaxFailedSignIns)
        {
            state.State.LockedUntil = now + LockoutDuration;
            state.State.FailedSignIns = 0;
        }

        await state.WriteStateAsync();
    }

    private Task RegisterWithCompanyAsync(UserProfile profile) =>
        GrainFactory.GetGrain<ICompanyGrain>(profile.CompanyId).RegisterMemberAsync(new CompanyMember(
            profile.Id, profile.FullName, profile.Email, profile.DepartmentId, profile.Roles, profile.AdministeredDepartmentIds));

    private UserSession ToSession(UserProfile profile) => new(
        profile.Id, profile.FullName, profile.Email, profile.CompanyId, profile.Roles,
        profile.AdministeredDepartmentIds, state.State.SecurityStamp);
}
