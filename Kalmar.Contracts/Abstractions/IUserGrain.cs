using Kalmar.Contracts.Model;
using Orleans.Concurrency;

namespace Kalmar.Contracts.Abstractions;

/// <summary>A user (keyed by user id): profile, roles, password and sign-in lockout.</summary>
[Alias("Kalmar.IUserGrain")]
public interface IUserGrain : IGrainWithGuidKey
{
    public const int MaxTicketPageSize = 500;

    /// <summary>Creates the user; creating the same user again changes nothing.</summary>
    [Alias("Create")]
    Task<UserProfile> CreateAsync(NewUser user);

    /// <summary>The profile, or null when no such user exists.</summary>
    [Alias("Get"), ReadOnly]
    Task<UserProfile?> GetAsync();

    /// <summary>A new session for an active user (e.g. after app activation), or null.</summary>
    [Alias("GetSession")]
    Task<UserSession?> GetSessionAsync();

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

    /// <summary>One of the user's tickets, if it has not expired.</summary>
    [Alias("FindActiveTicket"), ReadOnly]
    Task<Ticket?> FindActiveTicketAsync(Guid ticketId);

    /// <summary>Saves Min profil; with any wrong field nothing is saved and every error is returned.</summary>
    [Alias("UpdateProfile")]
    Task<Outcome<UserProfile>> UpdateProfileAsync(ProfileUpdate update);

    /// <summary>Changes the password and ends every other session; returns the caller's new session.</summary>
    [Alias("ChangePassword")]
    Task<Outcome<UserSession>> ChangePasswordAsync(PasswordChange change);

    /// <summary>E-mails a single-use reset link (through the outbox), replacing any earlier one.</summary>
    [Alias("SendPasswordReset")]
    Task SendPasswordResetAsync();

    [Alias("ResetPassword")]
    Task<Outcome<UserProfile>> ResetPasswordAsync(string token, PasswordChange change);

    [Alias("AcceptTerms")]
    Task<TermsAcceptance> AcceptTermsAsync(string version);

    [Alias("GetTerms")]
    Task<TermsAcceptance?> GetTermsAsync();

    /// <summary>Whether a session issued with <paramref name="securityStamp"/> is still good.</summary>
    [Alias("IsSessionValid"), ReadOnly]
    Task<bool> IsSessionValidAsync(string securityStamp);
}
