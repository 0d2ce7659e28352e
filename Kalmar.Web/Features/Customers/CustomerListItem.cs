namespace Kalmar.Web.Features.Customers;

/// <summary>A customer company in the operator's list.</summary>
public sealed record CustomerListItem(
    Guid Id, string Name, string? OrgNumber, string InvoiceEmail, bool StaffOfferAvailable, long MaxMonthlyLimitOre,
    long TravellerCount, long AdminCount, DateTimeOffset CreatedAt);
