using System.Security.Cryptography;
using System.Text;
using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Hosting;
using Kalmar.Contracts.Live;
using Kalmar.Contracts.Model;
using Kalmar.Grains.Infrastructure;
using Kalmar.Grains.Live;
using Kalmar.Grains.Notifications;
using Kalmar.Grains.Ordering;
using Kalmar.Grains.Tickets;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kalmar.Grains.Users;

public sealed class UserGrain(
    [PersistentState("user")] IPersistentState<UserState> state,
    UserEmailIndex emailIndex,
    TicketBook ticketBook,
    TravellerOrders travellerOrders,
    INotificationOutbox outbox,
    IOptions<PortalOptions> portal,
    [FromKeyedServices(BusinessClock.Key)] TimeProvider time) : Grain, IUserGrain
{
    internal static readonly TimeSpan ResetLinkLifetime = TimeSpan.FromHours(1);

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
        await state.WriteOrDropActivationAsync(this);
        await RegisterWithCompanyAsync(state.State.Profile);
        return state.State.Profile;
    }

    public Task<UserProfile?> GetAsync() => Task.FromResult(state.State.Profile);

    public Task<UserSession?> GetSessionAsync() =>
        Task.FromResult(state.State.Profile is { Active: true } profile ? ToSession(profile) : null);

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
            await state.WriteOrDropActivationAsync(this);
        }

        return new SignInOutcome(ToSession(state.State.Profile));
    }

    public Task RecordOrderAsync(Guid orderId) => travellerOrders.RecordAsync(Id, orderId, time.GetUtcNow());

    public Task<IReadOnlyList<Guid>> GetOrderIdsAsync() => travellerOrders.OfAsync(Id);

    public async Task IssueTicketsAsync(IReadOnlyList<Ticket> tickets)
    {
        foreach (var ticket in await ticketBook.IssueAsync(Id, [.. tickets.DistinctBy(ticket => ticket.Id)]))
        {
            await GrainFactory.PublishLiveAsync(LiveEvent.ToUser(new TicketIssued(ticket), Id));
        }
    }

    public Task<IReadOnlyList<Ticket>> GetActiveTicketsAsync(int page, int pageSize)
    {
        pageSize = Math.Clamp(pageSize, 1, IUserGrain.MaxTicketPageSize);
        return ticketBook.ActiveAsync(Id, time.GetUtcNow(), (Math.Max(page, 1) - 1) * pageSize, pageSize);
    }

    public Task<Ticket?> FindActiveTicketAsync(Guid ticketId) => ticketBook.FindActiveAsync(Id, ticketId, time.GetUtcNow());

    public async Task<Outcome<UserProfile>> UpdateProfileAsync(ProfileUpdate update)
    {
        if (state.State.Profile is not { } current)
        {
            return Rejection.Of(RejectionCodes.NotFound, "Användaren finns inte.");
        }

        var (updated, errors) = ProfileValidation.Apply(current, update, DateOnly.FromDateTime(Stockholm.ToLocal(time.GetUtcNow()).DateTime));
        if (updated is null)
        {
            return new Rejection(Rejection.ValidationCode, errors.Values.First()[0], errors);
        }

        var emailChanged = updated.Email != current.Email;
        if (emailChanged && !await emailIndex.TryClaimAsync(updated.Email, Id))
        {
            return Rejection.Field("email", "E-postadressen används redan av ett annat konto.");
        }

        state.State.Profile = updated;
        await state.WriteOrDropActivationAsync(this);

        await RegisterWithCompanyAsync(updated);
        return Outcome<UserProfile>.Success(updated);
    }

    public async Task<Outcome<UserSession>> ChangePasswordAsync(PasswordChange change)
    {
        if (state.State is not { Profile: { } profile, PasswordHash: { } hash })
        {
            return Rejection.Of(RejectionCodes.NotFound, "Användaren finns inte.");
        }

        if (Hasher.VerifyHashedPassword(state.State, hash, change.CurrentPassword ?? "") == PasswordVerificationResult.Failed)
        {
            return Rejection.Field("currentPassword", "Nuvarande lösenord stämmer inte.");
        }

        if (CheckNewPassword(change, profile.Email, change.CurrentPassword) is { } rejection)
        {
            return rejection;
        }

        await SetPasswordAsync(change.NewPassword!);
        return Outcome<UserSession>.Success(ToSession(profile));
    }

    public async Task SendPasswordResetAsync()
    {
        if (state.State.Profile is not { Active: true } profile)
        {
            return;
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        state.State.PasswordReset = new PasswordResetToken(Guid.NewGuid(), HashToken(token), time.GetUtcNow() + ResetLinkLifetime);
        await state.WriteOrDropActivationAsync(this);
        var link = $"{portal.Value.ResetPasswordPage}?user={Id:N}&token={token}";
        await outbox.EnqueueAsync([NotificationTemplates.PasswordReset(Id, profile.Email, link, state.State.PasswordReset.Id)]);
    }

    public async Task<Outcome<UserProfile>> ResetPasswordAsync(string token, PasswordChange change)
    {
        if (state.State is not { Profile: { Active: true } profile, PasswordReset: { } reset }
            || reset.ExpiresAt <= time.GetUtcNow()
            || !CryptographicOperations.FixedTimeEquals(Convert.FromHexString(reset.Hash), Convert.FromHexString(HashToken(token))))
        {
            return Rejection.Of("invalid-reset-link", "Länken för att återställa lösenordet gäller inte längre. Begär en ny.");
        }

        if (CheckNewPassword(change, profile.Email, previousPassword: null) is { } rejection)
        {
            return rejection;
        }

        state.State.PasswordReset = null;
        state.State.FailedSignIns = 0;
        state.State.LockedUntil = null;
        await SetPasswordAsync(change.NewPassword!);
        return Outcome<UserProfile>.Success(profile);
    }

    public async Task<TermsAcceptance> AcceptTermsAsync(string version)
    {
        if (state.State.Terms?.Version != version)
        {
            state.State.Terms = new TermsAcceptance(version, time.GetUtcNow());
            await state.WriteOrDropActivationAsync(this);
        }

        return state.State.Terms;
    }

    public Task<TermsAcceptance?> GetTermsAsync() => Task.FromResult(state.State.Terms);

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

        await state.WriteOrDropActivationAsync(this);
    }

    private static Rejection? CheckNewPassword(PasswordChange change, string email, string? previousPassword)
    {
        if (PasswordPolicy.Check(change.NewPassword, email, previousPassword) is { } problem)
        {
            return Rejection.Field("newPassword", problem);
        }

        return change.ConfirmPassword == change.NewPassword
            ? null
            : Rejection.Field("confirmPassword", "Lösenorden stämmer inte överens.");
    }

    /// <summary>A new password gets a new security stamp, which ends every session issued before.</summary>
    private async Task SetPasswordAsync(string password)
    {
        state.State.PasswordHash = Hasher.HashPassword(state.State, password);
        state.State.SecurityStamp = Guid.NewGuid().ToString("N");
        await state.WriteOrDropActivationAsync(this);
    }

    private static string HashToken(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private Task RegisterWithCompanyAsync(UserProfile profile) =>
        GrainFactory.GetGrain<ICompanyGrain>(profile.CompanyId).RegisterMemberAsync(new CompanyMember(
            profile.Id, profile.FullName, profile.Email, profile.DepartmentId, profile.Roles, profile.AdministeredDepartmentIds));

    private UserSession ToSession(UserProfile profile) => new(
        profile.Id, profile.FullName, profile.Email, profile.CompanyId, profile.Roles,
        profile.AdministeredDepartmentIds, state.State.SecurityStamp);
}
