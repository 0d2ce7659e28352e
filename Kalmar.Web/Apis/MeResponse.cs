using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;

namespace Kalmar.Web.Apis;

/// <summary>The signed-in user as <c>GET /api/me</c> shows it.</summary>
public sealed record MeResponse(
    Guid Id,
    string FirstName,
    string LastName,
    string Email,
    string? Mobile,
    string? Phone,
    string? Personnummer,
    NamedRef Department,
    NamedRef Company,
    IReadOnlyList<string> Roles,
    NotifyResponse Notify,
    BusinessTravelResponse BusinessTravel)
{
    public static async Task<MeResponse?> LoadAsync(IClusterClient cluster, Guid userId)
    {
        if (await cluster.GetGrain<IUserGrain>(userId).GetAsync() is not { } user
            || await cluster.GetGrain<ICompanyGrain>(user.CompanyId).GetAsync() is not { } company)
        {
            return null;
        }

        var department = company.FindDepartment(user.DepartmentId);
        var businessTravel = await cluster.GetGrain<IBusinessTravelGrain>(userId).GetAsync();
        return new MeResponse(
            user.Id, user.FirstName, user.LastName, user.Email, user.Mobile, user.Phone, user.Personnummer,
            new NamedRef(user.DepartmentId, department?.Name ?? ""), new NamedRef(company.Id, company.Name),
            [.. user.Roles.Select(role => role.ToName())],
            new NotifyResponse(user.Notify.Email, user.Notify.Sms),
            BusinessTravelResponse.Of(businessTravel));
    }
}

public sealed record NamedRef(Guid Id, string Name);

public sealed record NotifyResponse(bool Email, bool Sms);

/// <summary>The grant, and whether the traveller has added AllPay in the app.</summary>
public sealed record BusinessTravelResponse(bool Enabled, long MonthlyLimitOre, bool AllPayAdded)
{
    public static BusinessTravelResponse Of(BusinessTravelStatus status) => new(status.Enabled, status.MonthlyLimitOre, status.AllPayAdded);
}
