using Kalmar.Web.Payloads;

namespace Kalmar.Web.Features.Travellers;

/// <summary>A traveller in the admin's list (api.md): status is <c>active</c>, <c>inactive</c> or <c>invited</c> (no password yet).</summary>
public sealed record TravellerListItem(
    Guid Id, string FirstName, string LastName, string Email, string? Mobile, string? EmployeeNumber, NamedRef Department,
    string Status, IReadOnlyList<string> Roles, IReadOnlyList<Guid> DepartmentAdminOf, TravellerCredit BusinessTravel)
{
    public string Name => $"{FirstName} {LastName}";
}

/// <summary>Business travel as the list shows it: granted or not, the monthly limit and what is used this month.</summary>
public sealed record TravellerCredit(bool Enabled, long MonthlyLimitOre, long UsedOre);

/// <summary>A page of a list, with the total the filters match.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total)
{
    public int Pages => (int)Math.Max(1, (Total + PageSize - 1) / PageSize);
}
