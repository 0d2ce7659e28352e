using Kalmar.Contracts.Model;
using Orleans.Concurrency;

namespace Kalmar.Contracts.Abstractions;

/// <summary>A user (keyed by user id): profile, roles, password and sign-in lockout.</summary>
[Alias("Kalmar.IUserGrain")]
public interface IUserGrain : IGrainWithGuidKey
{
    public const int MaxTicketPageSize = 500;

    /// <summary>A page of one ticket group holds at most this many tickets.</summary>
    public const int MaxTicketGroupPageSize = 100;

    /// <summary>Creates the user; creating the same user again changes nothing.</summary>
    [Alias("Create")]
    Task<UserProfile> CreateAsync(NewUser user);

    /// <summary>
    /// Adds a user an admin (or an operator) invites, in <paramref name="companyId"/> with <paramref name="roles"/>:
    /// the invitation e-mail with its set-password link is made durable with the user. <c>email-in-use</c> when the
    /// address belongs to anyone.
    /// </summary>
    [Alias("Invite")]
    Task<Outcome<UserProfile>> InviteAsync(TravellerFields fields, Guid companyId, IReadOnlyList<Role> roles, Actor actor);

    /// <summary>"Skicka ny inbjudan": a new link for a user who has not yet set a password; the old one stops working.</summary>
    [Alias("SendInvitation")]
    Task<Outcome<UserProfile>> SendInvitationAsync(Actor actor);

    /// <summary>Sets the first password from an invitation link, and returns a session for the new user.</summary>
    [Alias("AcceptInvitation")]
    Task<Outcome<UserSession>> AcceptInvitationAsync(string token, PasswordChange change);

    /// <summary>An admin's change of name, mobile, employee number or department (a move takes pending orders along).</summary>
    [Alias("Edit")]
    Task<Outcome<UserProfile>> EditAsync(TravellerEdit edit, Actor actor);

    /// <summary>Sets the admin roles; <c>last-admin</c> when the company would be left without an active company admin.</summary>
    [Alias("SetRoles")]
    Task<Outcome<UserProfile>> SetRolesAsync(RoleChange change, Actor actor);

    /// <summary>
    /// Ends every session, token and hub connection of the user at once, revokes business travel and withdraws
    /// pending orders; tickets and history stay, and with <paramref name="blockTickets"/> every current ticket is
    /// blocked (each audited and pushed). Deactivating again finishes what a failure left undone.
    /// </summary>
    [Alias("Deactivate")]
    Task<Outcome<UserProfile>> DeactivateAsync(Actor actor, bool blockTickets = false);

    [Alias("Reactivate")]
    Task<Outcome<UserProfile>> ReactivateAsync(Actor actor);

    /// <summary>Reads the stored user again, after an import wrote it.</summary>
    [Alias("Reload")]
    Task ReloadAsync();

    /// <summary>The profile, or null when no such user exists.</summary>
    [Alias("Get"), AlwaysInterleave]
    Task<UserProfile?> GetAsync();

    /// <summary>What an active user's cookie or token says of them now (no session id), or null.</summary>
    [Alias("GetSession")]
    Task<UserSession?> GetSessionAsync();

    /// <summary>
    /// Opens a server-side session for an active user whose security stamp is still <see cref="SessionStart.SecurityStamp"/>
    /// (when given); the answer names it. Null otherwise: the user was deactivated or changed password meanwhile.
    /// </summary>
    [Alias("OpenSession")]
    Task<UserSession?> OpenSessionAsync(SessionStart start);

    /// <summary>The user's open sessions ("Mina enheter"), most recently used first.</summary>
    [Alias("GetSessions"), ReadOnly]
    Task<IReadOnlyList<SessionInfo>> GetSessionsAsync();

    [Alias("SignIn")]
    Task<SignInOutcome> SignInAsync(string password);

    /// <summary>Remembers an order the user placed; recording it again changes nothing.</summary>
    [Alias("RecordOrder")]
    Task RecordOrderAsync(Guid orderId);

    /// <summary>The user's orders, newest first.</summary>
    [Alias("GetOrderIds")]
    Task<IReadOnlyList<Guid>> GetOrderIdsAsync();

    /// <summary>Adds tickets to the user's; a ticket already held (same id) is not added again.</summary>
    [Alias("IssueTickets")]
    Task IssueTicketsAsync(IReadOnlyList<Ticket> tickets);

    /// <summary>A page (from 1) of the tickets not yet expired, soonest ending first.</summary>
    [Alias("GetActiveTickets"), ReadOnly]
    Task<IReadOnlyList<Ticket>> GetActiveTicketsAsync(int page = 1, int pageSize = MaxTicketPageSize);

    /// <summary>A page (from 1) of one group of the tickets not yet expired, only those on <paramref name="carrier"/> when given.</summary>
    [Alias("GetTicketGroup"), ReadOnly]
    Task<TicketPage> GetTicketGroupAsync(TicketGroup group, CarrierType? carrier, int page, int pageSize);

    /// <summary>Every ticket group with its count and its first <paramref name="take"/> tickets (Startsida, the app's Biljetter).</summary>
    [Alias("GetTicketGroups"), ReadOnly]
    Task<IReadOnlyList<TicketPage>> GetTicketGroupsAsync(CarrierType? carrier, int take);

    /// <summary>One of the user's tickets, if it has not expired.</summary>
    [Alias("FindActiveTicket"), ReadOnly]
    Task<Ticket?> FindActiveTicketAsync(Guid ticketId);

    /// <summary>
    /// Saves Min profil; with any wrong field nothing is saved and every error is returned. A new e-mail address needs
    /// the current password (a wrong one counts toward the lockout, as at sign-in) and waits, as
    /// <see cref="UserProfile.PendingEmail"/>, for the link e-mailed to it; the old address is told.
    /// </summary>
    [Alias("UpdateProfile")]
    Task<Outcome<UserProfile>> UpdateProfileAsync(ProfileUpdate update);

    /// <summary>
    /// The link sent to the new address: the e-mail changes now (<c>email-in-use</c> if it was taken meanwhile);
    /// <c>invalid-link</c> once used, replaced or expired.
    /// </summary>
    [Alias("ConfirmEmailChange")]
    Task<Outcome<UserProfile>> ConfirmEmailChangeAsync(string token);

    /// <summary>Changes the password and ends every session but <paramref name="currentSessionId"/>, which goes on.</summary>
    [Alias("ChangePassword")]
    Task<Outcome<UserProfile>> ChangePasswordAsync(PasswordChange change, Guid currentSessionId);

    /// <summary>E-mails a single-use reset link (through the outbox), replacing any earlier one.</summary>
    [Alias("SendPasswordReset")]
    Task SendPasswordResetAsync();

    [Alias("ResetPassword")]
    Task<Outcome<UserProfile>> ResetPasswordAsync(string token, PasswordChange change);

    [Alias("AcceptTerms")]
    Task<TermsAcceptance> AcceptTermsAsync(string version);

    [Alias("GetTerms")]
    Task<TermsAcceptance?> GetTermsAsync();
}
