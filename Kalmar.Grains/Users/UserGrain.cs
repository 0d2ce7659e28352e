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
    LivePublisher live,
    IOptions<PortalOptions> portal,
    [FromKeyedServices(BusinessClock.Key)] TimeProvider time) : Grain, IUserGrain
{
    internal static readonly TimeSpan ResetLinkLifetime = TimeSpan.FromHours(1);
    internal static readonly TimeSpan InvitationLifetime = TimeSpan.FromHours(72);
    internal static readonly TimeSpan EmailChangeLifetime = TimeSpan.FromHours(24);

    /// <summary>Says nothing of a lockout, as the sign-in does not.</summary>
    private const string WrongPasswordForEmail = "Nuvarande lösenord stämmer inte. Efter flera misslyckade försök spärras kontot en stund.";

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

    public async Task<SignInOutcome> SignInAsync(string password) =>
        await VerifyPasswordAsync(password) ? new SignInOutcome(ToSession(_state.Profile!)) : SignInOutcome.Failed;

    public Task RecordOrderAsync(Guid orderId) => travellerOrders.RecordAsync(Id, orderId, time.GetUtcNow());

    public Task<IReadOnlyList<Guid>> GetOrderIdsAsync() => travellerOrders.OfAsync(Id);

    public async Task IssueTicketsAsync(IReadOnlyList<Ticket> tickets)
    {
        foreach (var ticket in await ticketBook.IssueAsync(Id, [.. tickets.DistinctBy(ticket => ticket.Id)]))
        {
            live.Publish(LiveEvent.ToUser(new TicketIssued(ticket), Id));
        }
    }

    public Task<IReadOnlyList<Ticket>> GetActiveTicketsAsync(int page, int pageSize)
    {
        pageSize = Math.Clamp(pageSize, 1, IUserGrain.MaxTicketPageSize);
        return ticketBook.ActiveAsync(Id, time.GetUtcNow(), (Math.Max(page, 1) - 1) * pageSize, pageSize);
    }

    public Task<TicketPage> GetTicketGroupAsync(TicketGroup group, CarrierType? carrier, int page, int pageSize)
    {
        pageSize = Math.Clamp(pageSize, 1, IUserGrain.MaxTicketGroupPageSize);
        return ticketBook.GroupAsync(Id, group, carrier, time.GetUtcNow(), (Math.Max(page, 1) - 1) * pageSize, pageSize);
    }

    public Task<IReadOnlyList<TicketPage>> GetTicketGroupsAsync(CarrierType? carrier, int take) =>
        ticketBook.GroupsAsync(Id, carrier, time.GetUtcNow(), Math.Clamp(take, 0, IUserGrain.MaxTicketGroupPageSize));

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

        List<NpgsqlBatchCommand> messages = [];
        var emailChange = _state.EmailChange;
        if (updated.Email != current.Email)
        {
            // The address is where a password reset goes: a new one takes the password, and changes once its owner confirms it.
            if (string.IsNullOrEmpty(update.CurrentPassword))
            {
                return Rejection.Field("currentPassword", "Ange ditt nuvarande lösenord för att byta e-postadress.");
            }

            if (!await VerifyPasswordAsync(update.CurrentPassword))
            {
                return Rejection.Field("currentPassword", WrongPasswordForEmail);
            }

            var (token, link) = NewLink(EmailChangeLifetime);
            emailChange = link;
            messages.Add(NotificationOutbox.Insert(NotificationTemplates.EmailChangeConfirmation(
                Id, updated.Email, $"{portal.Value.ConfirmEmailPage}?user={Id:N}&token={token}", link.Id), time.GetUtcNow()));
            messages.Add(NotificationOutbox.Insert(NotificationTemplates.EmailChangeNotice(Id, current.Email, updated.Email, link.Id), time.GetUtcNow()));
            updated = updated with { Email = current.Email, PendingEmail = updated.Email };
        }

        var next = _state.Copy(); // after the password check, which may have cleared earlier failures
        (next.Profile, next.EmailChange) = (updated, emailChange);
        await CommitAsync(next, messages);
        return Outcome<UserProfile>.Success(updated);
    }

    public async Task<Outcome<UserProfile>> ConfirmEmailChangeAsync(string token)
    {
        if (_state is not { Profile: { Active: true, PendingEmail: { } email } profile } || !Matches(_state.EmailChange, token))
        {
            return Rejection.Of(RejectionCodes.InvalidLink, "Länken för att bekräfta e-postadressen gäller inte längre. Byt adress i Min profil igen.");
        }

        var next = _state.Copy();
        next.Profile = profile with { Email = email, PendingEmail = null };
        next.EmailChange = null;
        return await CommitAsync(next) is { } taken ? taken : Outcome<UserProfile>.Success(next.Profile);
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

    /// <summary>
    /// The password check of a sign-in and of an e-mail change alike: five wrong ones lock the account for 15
    /// minutes, and a locked or inactive account is refused in the same time as a wrong password.
    /// </summary>
    private async Task<bool> VerifyPasswordAsync(string? password)
    {
        var now = time.GetUtcNow();
        if (_state is not { Profile.Active: true, PasswordHash: { } hash } || _state.LockedUntil > now)
        {
            SignInDecoy.Verify(password ?? "");
            return false;
        }

        if (Hasher.VerifyHashedPassword(_state, hash, password ?? "") == PasswordVerificationResult.Failed)
        {
            var failed = _state.Copy();
            failed.FailedSignIns++;
            if (failed.FailedSignIns >= MaxFailedSignIns)
            {
                (failed.LockedUntil, failed.FailedSignIns) = (now + LockoutDuration, 0);
            }

            await CommitAsync(failed);
            return false;
        }

        if (_state.FailedSignIns > 0 || _state.LockedUntil is not null)
        {
            var cleared = _state.Copy();
            (cleared.FailedSignIns, cleared.LockedUntil) = (0, null);
            await CommitAsync(cleared);
        }

        return true;
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

    /// <summary>
    /// Tells every web node that <paramref name="ended"/> (or every session of the user) ended: each forgets what it
    /// remembered of them and closes their hub connections.
    /// </summary>
    private Task SessionsEndedAsync(IReadOnlyList<Guid>? ended, string reason) =>
        GrainFactory.PublishToWebNodesAsync(LiveEvent.ToUser(new SessionsEnded(ended, reason), Id));

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
