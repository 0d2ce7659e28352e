using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Hosting;
using Kalmar.Contracts.Model;
using Kalmar.Grains.Audit;
using Kalmar.Grains.Notifications;

namespace Kalmar.Grains.Users;

/// <summary>A traveller's life cycle as admins run it: invitation, changes, roles, deactivation. Each change is audited.</summary>
public sealed partial class UserGrain
{
    private const string WithdrawnOnDeactivation = "Ditt konto i Företagsportalen har avslutats av företagets administratör.";
    private const string BlockedOnDeactivation = "Resenären avaktiverades.";

    public async Task<Outcome<UserProfile>> InviteAsync(TravellerFields fields, Guid companyId, IReadOnlyList<Role> roles, Actor actor)
    {
        if (_state.Profile is { } existing)
        {
            return Outcome<UserProfile>.Success(existing);
        }

        if (TravellerValidation.Check(fields, out var user) is { } invalid)
        {
            return invalid;
        }

        if (await CompanyAsync(companyId) is not { } company
            || (user.DepartmentId != Guid.Empty && company.FindDepartment(user.DepartmentId) is null))
        {
            return Rejection.Field("departmentId", "Välj en avdelning i företaget.");
        }

        var now = time.GetUtcNow();
        var (token, invitation) = NewLink(InvitationLifetime);
        var next = new UserState
        {
            Profile = new UserProfile(
                Id, user.FirstName!, user.LastName!, user.Email!, user.Mobile, Phone: null, Personnummer: null, companyId,
                user.DepartmentId, roles, [], new NotificationChoice(Email: true, Sms: false), Active: true)
            {
                EmployeeNumber = user.EmployeeNumber,
                Invited = true,
            },
            SecurityStamp = NewStamp(),
            Invitation = invitation,
            CreatedAt = now,
        };
        var rejection = await CommitAsync(next,
        [
            AuditLog.Insert(Audit(next.Profile, actor, AuditActions.TravellerCreated, before: null, Described(next.Profile, company))),
            InvitationMessage(next.Profile, company, token, invitation),
        ]);
        return rejection ?? Outcome<UserProfile>.Success(next.Profile);
    }

    public async Task<Outcome<UserProfile>> SendInvitationAsync(Actor actor)
    {
        if (_state.Profile is not { } profile)
        {
            return Rejection.Of(RejectionCodes.NotFound, "Resenären finns inte.");
        }

        if (!profile.Invited || !profile.Active)
        {
            return Rejection.Of(Rejection.ValidationCode, $"{profile.FullName} har redan valt lösenord; en ny inbjudan behövs inte.");
        }

        var company = await CompanyAsync(profile.CompanyId);
        var next = _state.Copy();
        var (token, invitation) = NewLink(InvitationLifetime);
        next.Invitation = invitation;
        await CommitAsync(next,
        [
            AuditLog.Insert(Audit(profile, actor, AuditActions.InvitationSent, before: null, after: new { email = profile.Email })),
            InvitationMessage(profile, company, token, invitation),
        ]);
        return Outcome<UserProfile>.Success(profile);
    }

    public async Task<Outcome<UserSession>> AcceptInvitationAsync(string token, PasswordChange change)
    {
        if (_state is not { Profile: { Active: true } profile } || !Matches(_state.Invitation, token))
        {
            return Rejection.Of(RejectionCodes.InvalidLink, "Inbjudningslänken gäller inte längre. Be din administratör skicka en ny inbjudan.");
        }

        if (CheckNewPassword(change, profile.Email, previousPassword: null) is { } rejection)
        {
            return rejection;
        }

        var next = WithPassword(_state.Copy(), change.NewPassword!);
        next.Invitation = null;
        await CommitAsync(next);
        return Outcome<UserSession>.Success(ToSession(next.Profile!));
    }

    public async Task<Outcome<UserProfile>> EditAsync(TravellerEdit edit, Actor actor)
    {
        if (_state.Profile is not { } current)
        {
            return Rejection.Of(RejectionCodes.NotFound, "Resenären finns inte.");
        }

        if (TravellerValidation.Check(edit, out var change) is { } invalid)
        {
            return invalid;
        }

        var company = (await CompanyAsync(current.CompanyId))!;
        if (change.DepartmentId is { } departmentId && company.FindDepartment(departmentId) is null)
        {
            return Rejection.Field("departmentId", "Välj en avdelning i företaget.");
        }

        var changed = current with
        {
            FirstName = change.FirstName ?? current.FirstName,
            LastName = change.LastName ?? current.LastName,
            Mobile = change.Mobile ?? current.Mobile,
            DepartmentId = change.DepartmentId ?? current.DepartmentId,
            EmployeeNumber = change.EmployeeNumber is null ? current.EmployeeNumber : change.EmployeeNumber.Length == 0 ? null : change.EmployeeNumber,
        };
        if (Described(changed, company) != Described(current, company))
        {
            var next = _state.Copy();
            next.Profile = changed;
            var action = changed.DepartmentId != current.DepartmentId ? AuditActions.TravellerMoved : AuditActions.TravellerChanged;
            await CommitAsync(next, [AuditLog.Insert(Audit(changed, actor, action, Described(current, company), Described(changed, company)))]);
        }

        // Again when nothing changed: a move whose orders a failure left behind is finished by saving it again.
        if (change.DepartmentId is { } moved)
        {
            await MovePendingOrdersAsync(company.FindDepartment(moved)!);
        }

        return Outcome<UserProfile>.Success(changed);
    }

    public async Task<Outcome<UserProfile>> SetRolesAsync(RoleChange change, Actor actor)
    {
        if (_state.Profile is not { } current)
        {
            return Rejection.Of(RejectionCodes.NotFound, "Resenären finns inte.");
        }

        if (actor.Id == Id)
        {
            return Rejection.Of(RejectionCodes.OwnAccount, "Du kan inte ändra dina egna roller. En annan företagsadministratör gör det.");
        }

        var company = (await CompanyAsync(current.CompanyId))!;
        var departments = change.DepartmentAdminOf.Distinct().ToList();
        if (departments.Any(id => company.FindDepartment(id) is null))
        {
            return Rejection.Field("departmentAdminOf", "Välj avdelningar i företaget.");
        }

        List<Role> roles = [.. current.Roles.Where(role => role is Role.Traveller)];
        roles.AddRange(departments.Count > 0 ? [Role.DepartmentAdmin] : []);
        roles.AddRange(change.CompanyAdmin ? [Role.CompanyAdmin] : []);
        var changed = current with { Roles = roles, AdministeredDepartmentIds = departments };
        if (RolesOf(changed, company).SequenceEqual(RolesOf(current, company)))
        {
            return Outcome<UserProfile>.Success(current);
        }

        var next = _state.Copy();
        next.Profile = changed;
        next.SecurityStamp = NewStamp(); // sessions carry roles: a changed role is taken up at the next sign-in, a lost one at once
        var rejection = await CommitEndingSessionsAsync(next, SessionEndReasons.RolesChanged,
            [AuditLog.Insert(Audit(changed, actor, AuditActions.RolesChanged, RolesOf(current, company), RolesOf(changed, company)))],
            keepingAdminsOf: current.CompanyId);
        return rejection ?? Outcome<UserProfile>.Success(changed);
    }

    public async Task<Outcome<UserProfile>> DeactivateAsync(Actor actor, bool blockTickets)
    {
        if (_state.Profile is not { } current)
        {
            return Rejection.Of(RejectionCodes.NotFound, "Resenären finns inte.");
        }

        if (actor.Id == Id)
        {
            return Rejection.Of(RejectionCodes.OwnAccount, "Du kan inte avaktivera dig själv. En annan administratör gör det.");
        }

        if (current.Active)
        {
            var next = _state.Copy();
            next.Profile = current with { Active = false };
            (next.SecurityStamp, next.Invitation, next.PasswordReset) = (NewStamp(), null, null);
            if (await CommitEndingSessionsAsync(next, SessionEndReasons.Deactivated,
                    [AuditLog.Insert(Audit(current, actor, AuditActions.TravellerDeactivated, new { active = true }, new { active = false }))],
                    keepingAdminsOf: current.IsCompanyAdmin ? current.CompanyId : null) is { } rejection)
            {
                return rejection;
            }
        }
        else
        {
            // Deactivating again finishes what a failure left undone (each step is idempotent), hub connections first.
            await SessionsEndedAsync(null, SessionEndReasons.Deactivated);
        }

        var travel = GrainFactory.GetGrain<IBusinessTravelGrain>(Id);
        if (await travel.GetAsync() is { Enabled: true } granted)
        {
            await travel.GrantAsync(enabled: false, granted.MonthlyLimitOre);
        }

        foreach (var order in await PendingOrdersAsync())
        {
            await GrainFactory.GetGrain<IOrderGrain>(order.Id).WithdrawAsync(actor, WithdrawnOnDeactivation);
        }

        if (blockTickets)
        {
            await BlockTicketsAsync(actor);
        }

        return Outcome<UserProfile>.Success(_state.Profile!);
    }

    public async Task<Outcome<UserProfile>> ReactivateAsync(Actor actor)
    {
        if (_state.Profile is not { } current)
        {
            return Rejection.Of(RejectionCodes.NotFound, "Resenären finns inte.");
        }

        if (!current.Active)
        {
            var next = _state.Copy();
            next.Profile = current with { Active = true };
            next.SecurityStamp = NewStamp();
            await CommitAsync(next, [AuditLog.Insert(Audit(current, actor, AuditActions.TravellerReactivated, new { active = false }, new { active = true }))]);
        }

        return Outcome<UserProfile>.Success(_state.Profile!);
    }

    /// <summary>Blocks every ticket not yet expired, each by its own grain (audited and pushed); blocked ones stay where they are in the list.</summary>
    private async Task BlockTicketsAsync(Actor actor)
    {
        const int pageSize = IUserGrain.MaxTicketPageSize;
        var now = time.GetUtcNow();
        for (var skip = 0; ; skip += pageSize)
        {
            var tickets = await ticketBook.ActiveAsync(Id, now, skip, pageSize);
            foreach (var ticket in tickets.Where(ticket => ticket.Status == TicketStatus.Active))
            {
                await GrainFactory.GetGrain<ITicketGrain>(ticket.Id).BlockAsync(BlockedOnDeactivation, actor);
            }

            if (tickets.Count < pageSize)
            {
                return;
            }
        }
    }

    private async Task<IReadOnlyList<OrderView>> PendingOrdersAsync() =>
        [.. (await GrainFactory.GetGrain<IApprovalQueueGrain>(_state.Profile!.CompanyId).GetPendingAsync()).Where(order => order.Submission.TravellerId == Id)];

    private async Task MovePendingOrdersAsync(DepartmentInfo department)
    {
        foreach (var order in await PendingOrdersAsync())
        {
            await GrainFactory.GetGrain<IOrderGrain>(order.Id).MoveAsync(department.Id, department.Name);
        }
    }

    private Task<CompanyInfo?> CompanyAsync(Guid companyId) => GrainFactory.GetGrain<ICompanyGrain>(companyId).GetAsync();

    private Npgsql.NpgsqlBatchCommand InvitationMessage(UserProfile profile, CompanyInfo? company, string token, PasswordResetToken invitation) =>
        InvitationMessage(profile, company, token, invitation, portal.Value, time.GetUtcNow());

    /// <summary>The invitation e-mail of <paramref name="profile"/>, for the transaction that stores the invitation.</summary>
    internal static Npgsql.NpgsqlBatchCommand InvitationMessage(
        UserProfile profile, CompanyInfo? company, string token, PasswordResetToken invitation, PortalOptions portal, DateTimeOffset now) =>
        NotificationOutbox.Insert(
            NotificationTemplates.Invitation(profile.Id, profile.Email, profile.FirstName, company?.Name ?? "Ditt företag",
                $"{portal.InvitationPage}?user={profile.Id:N}&token={token}", invitation.Id),
            now);

    private AuditRecord Audit(UserProfile target, Actor actor, string action, object? before, object? after) =>
        new(time.GetUtcNow(), target.CompanyId == Guid.Empty ? null : target.CompanyId, actor, action, Id, target.FullName, before, after);

    /// <summary>A traveller's fields as the audit log keeps them (a record, so two can be compared).</summary>
    internal static TravellerDescription Described(UserProfile profile, CompanyInfo? company) => new(
        profile.FirstName, profile.LastName, profile.Email, profile.Mobile, profile.EmployeeNumber,
        company?.FindDepartment(profile.DepartmentId)?.Name);

    private static RoleDescription RolesOf(UserProfile profile, CompanyInfo company) => new(
        profile.IsCompanyAdmin,
        [.. profile.AdministeredDepartmentIds.Select(id => company.FindDepartment(id)?.Name ?? "").Order()]);

    internal sealed record TravellerDescription(string FirstName, string LastName, string Email, string? Mobile, string? EmployeeNumber, string? Department);

    private sealed record RoleDescription(bool CompanyAdmin, IReadOnlyList<string> DepartmentAdminOf)
    {
        public bool SequenceEqual(RoleDescription other) => CompanyAdmin == other.CompanyAdmin && DepartmentAdminOf.SequenceEqual(other.DepartmentAdminOf);
    }
}
