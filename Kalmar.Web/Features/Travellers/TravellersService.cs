using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;
using Kalmar.Web.Payloads;

namespace Kalmar.Web.Features.Travellers;

/// <summary>The admin's travellers (own company, or own departments) and their business travel.</summary>
public sealed class TravellersService(IClusterClient cluster)
{
    public async Task<IReadOnlyList<TravellerResponse>> ListAsync(AdminScope scope)
    {
        var company = (await cluster.GetGrain<ICompanyGrain>(scope.CompanyId).GetAsync())!;
        var members = (await cluster.GetGrain<ICompanyGrain>(scope.CompanyId).GetMembersAsync()).Where(member => scope.Includes(scope.CompanyId, member.DepartmentId));
        return await Task.WhenAll(members.Select(async member =>
        {
            var travel = await cluster.GetGrain<IBusinessTravelGrain>(member.UserId).GetAsync();
            var credit = travel.Enabled ? CreditPayload.Of(await cluster.GetGrain<ICreditAccountGrain>(member.UserId).GetAsync()) : null;
            return new TravellerResponse(
                member.UserId, member.Name, member.Email, new NamedRef(member.DepartmentId, company.FindDepartment(member.DepartmentId)?.Name ?? ""),
                [.. member.Roles.Select(role => role.ToName())], BusinessTravelResponse.Of(travel), credit);
        }));
    }

    /// <summary>Grants or revokes business travel and sets the monthly limit.</summary>
    public async Task<Outcome<BusinessTravelChange>> GrantBusinessTravelAsync(AdminScope scope, Guid travellerId, bool enabled, long monthlyLimitOre)
    {
        if (!await InScopeAsync(scope, travellerId))
        {
            return Rejections.NotFound("Resenären");
        }

        if (travellerId == scope.AdminId)
        {
            return Rejection.Of(RejectionCodes.OwnCredit, "Du kan inte ändra din egen kredit. En annan administratör gör det.");
        }

        var travel = cluster.GetGrain<IBusinessTravelGrain>(travellerId);
        var wasGranted = (await travel.GetAsync()).Enabled;
        var granted = await travel.GrantAsync(enabled, monthlyLimitOre);
        return granted.Rejection is { } rejection
            ? rejection
            : Outcome<BusinessTravelChange>.Success(new BusinessTravelChange(granted.Value!, wasGranted));
    }

    /// <summary>"Skicka ny kod": a new user name and one-time code by SMS.</summary>
    public async Task<Outcome<BusinessTravelStatus>> SendNewCodeAsync(AdminScope scope, Guid travellerId) =>
        await InScopeAsync(scope, travellerId)
            ? await cluster.GetGrain<IBusinessTravelGrain>(travellerId).SendNewCodeAsync()
            : Rejections.NotFound("Resenären");

    private async Task<bool> InScopeAsync(AdminScope scope, Guid travellerId) =>
        await cluster.GetGrain<IUserGrain>(travellerId).GetAsync() is { } traveller && scope.Includes(traveller);
}
