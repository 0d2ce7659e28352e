namespace Kalmar.Web.Features.Travellers;

/// <summary>
/// The admin's search over travellers: free text over name, e-mail and employee number, filters, sorting and paging.
/// <see cref="Status"/> is <c>active</c> (invited ones too), <c>inactive</c> or <c>invited</c> (null: all); <see cref="Sort"/> is <c>name</c>,
/// <c>email</c>, <c>department</c> or <c>employeeNumber</c>.
/// </summary>
public sealed record TravellerQuery(
    string? Q = null, Guid? DepartmentId = null, string? Status = null, bool? BusinessTravel = null,
    string? Sort = null, int Page = 1, int PageSize = TravellerQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
}
