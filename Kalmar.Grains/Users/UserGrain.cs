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
using Kalmar.Grains.Sessions;
using Kalmar.Grains.Tickets;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Kalmar.Grains.Users;

/// <summary>
/// A user: profile, roles, password, sign-in lockout and the admin's life cycle of a traveller. The state is the
/// user's row in <c>users</c> (see <see cref="UserStore"/>); every change is a copy of it, written with its audit
/// entries and messages in one transaction, and only then this activation's state.
/// </summary>
public sealed partial class UserGrain(
    UserStore store,
    SessionStore sessions,
    TicketBook ticketBook,
    TravellerOrders travellerOrders,
    IOptions<PortalOptions> portal,
    [FromKeyedServices(BusinessClock.Key)] TimeProvider time) : Grain, IUserGrain
{
    internal static readonly TimeSpan ResetLinkLifetime = TimeSpan.FromHours(1);
    internal static readonly TimeSpan InvitationLifetime = TimeSpan.FromHours(72);

    internal const int MaxFailedSignIns = 5;
    internal static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    internal static readonly PasswordHasher<UserState> Hasher = new();

    private UserState _state = new();

    private Guid Id => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) => _state = await store.LoadAsync(Id);

    public async Task<UserProfile> CreateAsync(NewUser user)
    {
        if (_state.Profile is { } existing)
        {
            return existing;
        }

        var now = time.GetUtcNow();
        var next = new UserState
        {
            Profile = new UserProfile(
                Id, user.FirstName, user.LastName, user.Email.Trim().ToLowerInvariant(), user.Mobile, Phone: null,
                Personnummer: null, user.CompanyId, user.DepartmentId, user.Roles, user.AdministeredDepartmentIds,
                new NotificationChoice(Email: true, Sms: false), Active: true) { Invited = user.Password is null },
            SecurityStamp = NewStamp(),
            CreatedAt = now,
        };
        next.PasswordHash = user.Password is null ? null : Hasher.HashPassword(next, user.Password);
        if (await CommitAsync(next) is not null)
        {
            throw new InvalidOperationException($"The e-mail address {user.Email} belongs to another user.");
        }

        return next.Profile;
    }

    public Task<UserProfile?> GetAsync() => Task.FromResult(_state.Profile);

    public Task<UserSession?> GetSessionAsync() =>
        Task.FromResult(_state.Profile is { Active: true } profile ? ToSession(profile) : null);

    public async Task<UserSession?> OpenSessionAsync(SessionStart start)
    {
        if (_state.Profile is not { Active: true } profile
            || (start.SecurityStamp is { } stamp && stamp != _state.SecurityStamp)
            || start.Kind is not (SessionKinds.Portal or SessionKinds.App))
        {
            return null;
        }

        var now = time.GetUtcNow();
        var userAgent = start.UserAgent is { Length: > SessionStart.MaxUserAgentLength } whole ? whole[..SessionStart.MaxUserAgentLength] : start.UserAgent;
        var lifetime = start.Kind == SessionKinds.App ? SessionLifetimes.App : SessionLifetimes.PortalAbsolute;
        await sessions.OpenAsync(Id, start with { UserAgent = userAgent }, now, now + lifetime);
        return ToSession(profile) with { SessionId = start.Id };
    }

    public Task<IReadOnlyList<SessionInfo>> GetSessionsAsync() => sessions.ListAsync(Id, time.GetUtcNow());

    public Task ReloadAsync()
    {
        DeactivateOnIdle(); // the next call reads the row afresh
        return Task.CompletedTask;
    }

    public async Task<SignInOutcome> SignInAsync(string password)
    {
        var now = time.GetUtcNow();
        if (_state is not { Profile.Active: true, PasswordHash: { } hash } || _state.LockedUntil > now)
        {
            SignInDecoy.Verify(password);
            return SignInOutcome.Failed;
        }

        if (Hasher.VerifyHashedPassword(_state, hash, password) == PasswordVerificationResult.Failed)
        {
            var failed = _state.Copy();
            failed.FailedSignIns++;
            if (failed.FailedSignIns >= MaxFailedSignIns)
            {
                (failed.LockedUntil, failed.FailedSignIns) = (now + LockoutDuration, 0);
            }

            await CommitAsync(failed);
            return SignInOutcome.Failed;
        }

        if (_state.FailedSignIns > 0 || _state.LockedUntil is not null)
        {
            var cleared = _state.Copy();
            (cleared.FailedSignIns, cleared.LockedUntil) = (0, null);
            await CommitAsync(cleared);
        }

        return new SignInOutcome(ToSession(_state.Profile));
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
        if (_state.Profile is not { } current)
        {
            return Rejection.Of(RejectionCodes.NotFound, "Användaren finns inte.");
        }

        var (updated, errors) = ProfileValidation.Apply(current, update, DateOnly.FromDateTime(Stockholm.ToLocal(time.GetUtcNow()).DateTime));
        if (updated is null)
        {
            return new Rejection(Rejection.ValidationCode, errors.Values.First()[0], errors);
        }

        var next = _state.Copy();
        next.Profile = updated;
        return await CommitAsync(next) is null
            ? Outcome<UserProfile>.Success(updated)
            : Rejection.Field("email", "E-postadressen används redan av ett annat konto.");
    }

    public async Task<Outcome<UserProfile>> ChangePasswordAsync(PasswordChange change, Guid currentSessionId)
    {
        if (_state is not { Profile: { } profile, PasswordHash: { } hash })
        {
            return Rejection.Of(RejectionCodes.NotFound, "Användaren finns inte.");
        }

        if (Hasher.VerifyHashedPassword(_state, hash, change.CurrentPassword ?? "") == PasswordVerificationResult.Failed)
        {
            return Rejection.Field("currentPassword", "Nuvarande lösenord stämmer inte.");
        }

        if (CheckNewPassword(change, profile.Email, change.CurrentPassword) is { } rejection)
        {
            return rejection;
        }

        await CommitEndingSessionsAsync(WithPassword(_state.Copy(), change.NewPassword!), SessionEndReasons.PasswordChanged, [], except: currentSessionId);
        return Outcome<UserProfile>.Success(profile);
    }

    public async Task SendPasswordResetAsync()
    {
        if (_state.Profile is not { Active: true } profile)
        {
            return;
        }

        var next = _state.Copy();
        var (token, reset) = NewLink(ResetLinkLifetime);
        next.PasswordReset = reset;
        await CommitAsync(next, [NotificationOutbox.Insert(
            NotificationTemplates.PasswordReset(Id, profile.Email, $"{portal.Value.ResetPasswordPage}?user={Id:N}&token={token}", reset.Id),
            time.GetUtcNow())]);
    }

    public async Task<Outcome<UserProfile>> ResetPasswordAsync(string token, PasswordChange change)
    {
        if (_state is not { Profile: { Active: true } profile } || !Matches(_state.PasswordReset, token))
        {
            return Rejection.Of("invalid-reset-link", "Länken för att återställa lösenordet gäller inte längre. Begär en ny.");
        }

        if (CheckNewPassword(change, profile.Email, previousPassword: null) is { } rejection)
        {
            return rejection;
        }

        var next = WithPassword(_state.Copy(), change.NewPassword!);
        (next.PasswordReset, next.FailedSignIns, next.LockedUntil) = (null, 0, null);
        await CommitEndingSessionsAsync(next, SessionEndReasons.PasswordReset, []);
        return Outcome<UserProfile>.Success(profile);
    }

    public async Task<TermsAcceptance> AcceptTermsAsync(string version)
    {
        if (_state.Terms?.Version != version)
        {
            var next = _state.Copy();
            next.Terms = new TermsAcceptance(version, time.GetUtcNow());
            await CommitAsync(next);
        }

        return _state.Terms!;
    }

    public Task<TermsAcceptance?> GetTermsAsync() => Task.FromResult(_state.Terms);

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

    /// <summary>A new password gets a new security stamp, so a sign-in with the old one that raced it opens no session.</summary>
    private static UserState WithPassword(UserState next, string password)
    {
        next.PasswordHash = Hasher.HashPassword(next, password);
        next.SecurityStamp = NewStamp();
        next.Profile = next.Profile! with { Invited = false };
        return next;
    }

    /// <summary>
    /// Makes <paramref name="next"/> durable, with <paramref name="alongside"/>, and only then this activation's state.
    /// A failed write drops the activation (the next call re-reads the row) and throws, as every grain's state write does.
    /// </summary>
    /// <returns>Null when written; otherwise why nothing was (an e-mail address in use, or the company's last admin).</returns>
    private async Task<Rejection?> CommitAsync(UserState next, IReadOnlyList<NpgsqlBatchCommand>? alongside = null, Guid? keepingAdminsOf = null)
    {
        next.Version = _state.Version + 1;
        Rejection? rejection;
        try
        {
            rejection = await store.CommitAsync(next, alongside ?? [], keepingAdminsOf);
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }

        if (rejection is null)
        {
            _state = next;
        }

        return rejection;
    }

    /// <summary>
    /// Commits <paramref name="next"/> with the end of the user's open sessions (all but <paramref name="except"/>), then
    /// has those sessions' grains read it and the web nodes close their hub connections. Should this silo die in
    /// between, a session grain still learns of its end at its next write of use, within a minute.
    /// </summary>
    private async Task<Rejection?> CommitEndingSessionsAsync(
        UserState next, string reason, IReadOnlyList<NpgsqlBatchCommand> alongside, Guid except = default, Guid? keepingAdminsOf = null)
    {
        var now = time.GetUtcNow();
        var ended = await sessions.OpenIdsAsync(Id, now, except);
        var rejection = await CommitAsync(next, [.. alongside, SessionStore.End(ended, now, reason)], keepingAdminsOf);
        if (rejection is null)
        {
            await Task.WhenAll(ended.Select(id => GrainFactory.GetGrain<ISessionGrain>(id).ReloadAsync()));
            await SessionsEndedAsync(except == default ? null : ended, reason);
        }

        return rejection;
    }

    /// <summary>Closes the hub connections of <paramref name="ended"/>, or of every session of the user.</summary>
    private Task SessionsEndedAsync(IReadOnlyList<Guid>? ended, string reason) =>
        GrainFactory.PublishLiveAsync(LiveEvent.ToUser(new SessionsEnded(ended, reason), Id));

    private (string Token, PasswordResetToken Link) NewLink(TimeSpan lifetime) => NewLink(time.GetUtcNow() + lifetime);

    /// <summary>A random link token and what is stored of it (its SHA-256 hash); the import grain invites with it too.</summary>
    internal static (string Token, PasswordResetToken Link) NewLink(DateTimeOffset expiresAt)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (token, new PasswordResetToken(Guid.NewGuid(), HashToken(token), expiresAt));
    }

    private bool Matches(PasswordResetToken? link, string token) =>
        link is not null
        && link.ExpiresAt > time.GetUtcNow()
        && CryptographicOperations.FixedTimeEquals(Convert.FromHexString(link.Hash), Convert.FromHexString(HashToken(token ?? "")));

    private static string HashToken(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    internal static string NewStamp() => Guid.NewGuid().ToString("N");

    private UserSession ToSession(UserProfile profile) => new(
        profile.Id, profile.FullName, profile.Email, profile.CompanyId, profile.Roles,
        profile.AdministeredDepartmentIds, _state.SecurityStamp);
}
