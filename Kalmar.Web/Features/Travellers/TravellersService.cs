using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;

namespace Kalmar.Web.Features.Travellers;

/// <summary>
/// The admin's travellers (own company, or own departments): the list is a query over the read model, every change
/// goes to the traveller's grain after a scope check. Outside the scope, a traveller or department does not exist.
/// </summary>
public sealed class TravellersService(IClusterClient cluster, TravellerDirectory directory)
{
    public Task<Paged<TravellerListItem>> SearchAsync(AdminScope scope, TravellerQuery query) => directory.SearchAsync(scope, query);

    public Task<TravellerListItem?> FindAsync(AdminScope scope, Guid travellerId) => directory.FindAsync(scope, travellerId);

    /// <summary>The business travel grant of a traveller the caller found in scope.</summary>
    public Task<BusinessTravelStatus> BusinessTravelAsync(Guid travellerId) => cluster.GetGrain<IBusinessTravelGrain>(travellerId).GetAsync();

    /// <summary>Adds a traveller in a department in scope; the invitation e-mail goes out with it.</summary>
    public async Task<Outcome<TravellerListItem>> AddAsync(AdminScope scope, TravellerFields fields)
    {
        if (!scope.IncludesDepartment(fields.DepartmentId) || !await DepartmentExistsAsync(scope, fields.DepartmentId))
        {
            return Rejection.Field("departmentId", "Välj en avdelning.");
        }

        var id = Guid.NewGuid();
        var added = await cluster.GetGrain<IUserGrain>(id).InviteAsync(fields, scope.CompanyId, [Role.Traveller], scope.Actor);
        return added.Rejection is { } rejection ? rejection : Outcome<TravellerListItem>.Success((await FindAsync(scope, id))!);
    }

    /// <summary>Changes a traveller; a move must stay within the admin's departments.</summary>
    public Task<Outcome<TravellerListItem>> EditAsync(AdminScope scope, Guid travellerId, TravellerEdit edit) =>
        InScopeAsync(scope, travellerId, user => edit.DepartmentId is { } departmentId && !scope.IncludesDepartment(departmentId)
            ? Task.FromResult<Outcome<UserProfile>>(Rejection.Field("departmentId", "Välj en avdelning."))
            : user.EditAsync(edit, scope.Actor));

    public Task<Outcome<TravellerListItem>> SetRolesAsync(AdminScope scope, Guid travellerId, RoleChange change) =>
        InScopeAsync(scope, travellerId, user => user.SetRolesAsync(change, scope.Actor));

    /// <summary>Deactivates a traveller; with <paramref name="blockTickets"/> their current tickets are blocked in the same step.</summary>
    public Task<Outcome<TravellerListItem>> DeactivateAsync(AdminScope scope, Guid travellerId, bool blockTickets) =>
        InScopeAsync(scope, travellerId, user => user.DeactivateAsync(scope.Actor, blockTickets));

    public Task<Outcome<TravellerListItem>> ReactivateAsync(AdminScope scope, Guid travellerId) =>
        InScopeAsync(scope, travellerId, user => user.ReactivateAsync(scope.Actor));

    public Task<Outcome<TravellerListItem>> SendInvitationAsync(AdminScope scope, Guid travellerId) =>
        InScopeAsync(scope, travellerId, user => user.SendInvitationAsync(scope.Actor));

    /// <summary>Grants or revokes business travel and sets the monthly limit.</summary>
    public async Task<Outcome<BusinessTravelChange>> GrantBusinessTravelAsync(AdminScope scope, Guid travellerId, bool enabled, long monthlyLimitOre)
    {
        if (await FindAsync(scope, travellerId) is null)
        {
            return Rejections.NotFound("Resenären");
        }

        if (travellerId == scope.AdminId)
        {
            return Rejection.Of(RejectionCodes.OwnCredit, "Du kan inte ändra din egen kredit. En annan administratör gör det.");
        }

        var travel = cluster.GetGrain<IBusinessTravelGrain>(travellerId);
        var wasGranted = (await travel.GetAsync()).Enabled;
        var granted = await travel.GrantAsync(enabled, monthlyLimitOre, scope.Actor);
        return granted.Rejection is { } rejection
            ? rejection
            : Outcome<BusinessTravelChange>.Success(new BusinessTravelChange(granted.Value!, wasGranted));
    }

    /// <summary>"Skicka ny kod": a new user name and one-time code by SMS.</summary>
    public async Task<Outcome<BusinessTravelStatus>> SendNewCodeAsync(AdminScope scope, Guid travellerId) =>
        await FindAsync(scope, travellerId) is not null
            ? await cluster.GetGrain<IBusinessTravelGrain>(travellerId).SendNewCodeAsync()
            : Rejections.NotFound("Resenären");

    private async Task<Outcome<TravellerListItem>> InScopeAsync(
        AdminScope scope, Guid travellerId, Func<IUserGrain, Task<Outcome<UserProfile>>> change)
    {
        if (await FindAsync(scope, travellerId) is null)
        {
            return Rejections.NotFound("Resenären");
        }

        var changed = await change(cluster.GetGrain<IUserGrain>(travellerId));
        return changed.Rejection is { } rejection
            ? rejection
            // The traveller may have moved out of a department admin's scope; the answer then is the grain's profile.
            : Outcome<TravellerListItem>.Success(await FindAsync(scope, travellerId) ?? (await FindAsync(scope with { WholeCompany = true }, travellerId))!);
    }

    private async Task<bool> DepartmentExistsAsync(AdminScope scope, Guid departmentId) =>
        (await cluster.GetGrain<ICompanyGrain>(scope.CompanyId).GetAsync())?.FindDepartment(departmentId) is not null;
}
