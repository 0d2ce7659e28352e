namespace Kalmar.Contracts.Model;

/// <summary>The stable <see cref="Rejection.Code"/>s that callers act on; they are the Problem Details <c>type</c>s of api.md.</summary>
public static class RejectionCodes
{
    public const string NotFound = "not-found";
    public const string AlreadyDecided = "already-decided";
    public const string OwnOrder = "own-order";
    public const string OwnCredit = "own-credit";
    public const string StaffOfferNotAvailable = "staff-offer-not-available";
    public const string EmptyCart = "empty-cart";
    public const string BusinessTravelNotGranted = "business-travel-not-granted";
    public const string AllPayNotAdded = "allpay-not-added";
    public const string InsufficientCredit = "insufficient-credit";
    public const string InvalidCode = "invalid-code";
    public const string TooManyAttempts = "too-many-attempts";
    public const string EmailInUse = "email-in-use";
    public const string LastAdmin = "last-admin";
    public const string OwnAccount = "own-account";
    public const string DepartmentExists = "department-exists";
    public const string DepartmentNotEmpty = "department-not-empty";
    public const string OrgNumberInUse = "org-number-in-use";
    public const string InvalidLink = "invalid-link";

    /// <summary>A recall of a ticket whose validity has started: it may have been used, so it is not credited.</summary>
    public const string TicketInUse = "ticket-in-use";

    /// <summary>A block of a ticket that was recalled: it is gone and was credited.</summary>
    public const string TicketRecalled = "ticket-recalled";

    /// <summary>A block or recall of a ticket whose validity has ended.</summary>
    public const string TicketExpired = "ticket-expired";
}
