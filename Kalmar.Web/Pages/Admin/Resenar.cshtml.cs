using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;
using Kalmar.Web.Features.Audit;
using Kalmar.Web.Features.BusinessTravel;
using Kalmar.Web.Features.Departments;
using Kalmar.Web.Features.Ordering;
using Kalmar.Web.Features.Tickets;
using Kalmar.Web.Features.Travellers;
using Kalmar.Web.Pages.Biljetter;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;

namespace Kalmar.Web.Pages.Admin;

/// <summary>
/// One traveller as their admin sees them: details and a move, roles, business travel, invitation, deactivation,
/// orders, tickets (to block or recall) and history. Every change posts and comes back here with a message; outside the
/// scope: 404.
/// </summary>
public sealed class ResenarModel(
    TravellersService travellers, DepartmentsService departments, OrderingService ordering, TicketsService tickets,
    TicketAdminService ticketAdmin, BusinessTravelService businessTravel, AuditTrail audit, TimeProvider clock) : PageModel
{
    public const int ShownOrders = 20;
    public const int ShownTickets = 20;

    [BindProperty]
    public string? FirstName { get; set; }

    [BindProperty]
    public string? LastName { get; set; }

    [BindProperty]
    public string? Mobile { get; set; }

    [BindProperty]
    public string? EmployeeNumber { get; set; }

    [BindProperty]
    public Guid? DepartmentId { get; set; }

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public bool MessageIsError { get; set; }

    public TravellerListItem Traveller { get; private set; } = null!;

    public IReadOnlyList<DepartmentListItem> Departments { get; private set; } = [];

    /// <summary>Roles are a company admin's to set; a department admin sees no roles form.</summary>
    public bool MayChangeRoles => User.IsInRole(RoleNames.CompanyAdmin);

    public bool IsSelf => Traveller.Id == User.GetUserId();

    public bool AllPayAdded { get; private set; }

    public IReadOnlyList<OrderView> Orders { get; private set; } = [];

    public int OrderCount { get; private set; }

    public IReadOnlyList<Ticket> Tickets { get; private set; } = [];

    public Paged<AuditEntry> History { get; private set; } = new([], 1, AuditQuery.PageSize, 0);

    /// <summary>"Avaktivera" shows its consequences first; this is the step that confirms them.</summary>
    public bool ConfirmingDeactivation { get; private set; }

    /// <summary>"Återkalla biljett" states the credit first; this is the ticket whose recall is being confirmed.</summary>
    public Guid? ConfirmingRecallOf { get; private set; }

    /// <summary>The ticket whose "Spärra biljett" was refused, with the message at its reason field.</summary>
    public Guid? BlockRefusedFor { get; private set; }

    public FormErrors BlockErrors { get; } = new();

    public DateTimeOffset Now { get; } = clock.GetUtcNow();

    public FormErrors EditErrors { get; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, string? bekrafta, Guid? aterkalla)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        ConfirmingDeactivation = bekrafta == "avaktivera" && Traveller.Status != "inactive";
        ConfirmingRecallOf = Tickets.FirstOrDefault(ticket => ticket.Id == aterkalla && MayRecall(ticket))?.Id;
        ShowSaved();
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(Guid id)
    {
        var edited = await travellers.EditAsync(AdminScope.Of(User), id, new TravellerEdit(
            FirstName ?? "", LastName ?? "", string.IsNullOrWhiteSpace(Mobile) ? null : Mobile, DepartmentId, EmployeeNumber ?? ""));
        if (edited.Rejection is { Code: RejectionCodes.NotFound })
        {
            return NotFound();
        }

        if (edited.Rejection is { } rejection)
        {
            if (!await LoadAsync(id))
            {
                return NotFound();
            }

            EditErrors.AddAll(rejection);

            return Page();
        }

        return Done(id, $"Uppgifterna är sparade. {edited.Value!.Name} tillhör {edited.Value.Department.Name}.");
    }

    public async Task<IActionResult> OnPostRolesAsync(Guid id, bool companyAdmin, Guid[]? departmentAdminOf)
    {
        if (!MayChangeRoles)
        {
            return Forbid();
        }

        var changed = await travellers.SetRolesAsync(AdminScope.Of(User), id, new RoleChange(companyAdmin, departmentAdminOf ?? []));
        return Answer(id, changed.Rejection, "Rollerna är sparade. Resenären loggas ut på sina enheter och får de nya rollerna vid nästa inloggning.");
    }

    public async Task<IActionResult> OnPostBusinessTravelAsync(Guid id, bool enabled, string? limit)
    {
        if (!Kronor.TryParseOre(limit, out var limitOre))
        {
            return await travellers.FindAsync(AdminScope.Of(User), id) is null
                ? NotFound()
                : Done(id, "Ange månadskrediten i kronor, t.ex. 400 eller 400,50.", isError: true);
        }

        var granted = await travellers.GrantBusinessTravelAsync(
            AdminScope.Of(User), id, enabled, limitOre);
        return Answer(id, granted.Rejection, granted.Value switch
        {
            { Status.Enabled: true, WasGranted: true } change => $"Månadskrediten är sparad: {Money.ToKronor(change.Status.MonthlyLimitOre)}.",
            { Status.Enabled: true } => "Tjänsteresor är beviljade. Ett sms med användarnamn och engångskod har skickats.",
            _ => "Tjänsteresor är indragna.",
        });
    }

    public async Task<IActionResult> OnPostSendCodeAsync(Guid id) =>
        Answer(id, (await travellers.SendNewCodeAsync(AdminScope.Of(User), id)).Rejection,
            "En ny kod har skickats per sms. Den förra koden gäller inte längre.");

    public async Task<IActionResult> OnPostSendInvitationAsync(Guid id)
    {
        var sent = await travellers.SendInvitationAsync(AdminScope.Of(User), id);
        return Answer(id, sent.Rejection, $"En ny inbjudan har skickats till {sent.Value?.Email}. Den förra länken gäller inte längre.");
    }

    public async Task<IActionResult> OnPostDeactivateAsync(Guid id, bool blockTickets)
    {
        var deactivated = await travellers.DeactivateAsync(AdminScope.Of(User), id, blockTickets);
        return Answer(id, deactivated.Rejection, $"{deactivated.Value?.Name} är avaktiverad och utloggad överallt. Tjänsteresor är indragna och väntande beställningar återkallade."
            + (blockTickets ? " Resenärens biljetter är spärrade." : ""));
    }

    public async Task<IActionResult> OnPostBlockTicketAsync(Guid id, Guid ticketId, string? reason)
    {
        var blocked = await ticketAdmin.BlockAsync(AdminScope.Of(User), ticketId, reason);
        if (blocked.Rejection is { Code: Rejection.ValidationCode } invalid)
        {
            if (!await LoadAsync(id))
            {
                return NotFound();
            }

            BlockRefusedFor = ticketId;
            BlockErrors.AddAll(invalid);
            return Page();
        }

        return Answer(id, blocked.Rejection, $"Biljetten {blocked.Value?.ProductName} är spärrad. Resenären ser den som spärrad direkt.");
    }

    public async Task<IActionResult> OnPostRecallTicketAsync(Guid id, Guid ticketId)
    {
        var recalled = await ticketAdmin.RecallAsync(AdminScope.Of(User), ticketId);
        return Answer(id, recalled.Rejection, recalled.Value is { } credit
            ? $"Biljetten {credit.Ticket.ProductName} är återkallad. {TicketStatusText.Credit(credit.CreditedTo == RecalledTicket.ToCreditAccount, credit.Month, credit.Credited.TotalOre)}"
            : "");
    }

    /// <summary>A ticket not yet valid may be recalled (the grain decides by the business clock; this only offers it).</summary>
    public bool MayRecall(Ticket ticket) => ticket.Status != TicketStatus.Recalled && ticket.ValidFrom > Now;

    /// <summary>Where the recall of <paramref name="ticket"/> would credit it, as the confirmation states it.</summary>
    public string RecallCredit(Ticket ticket) => TicketStatusText.Credit(
        ticket.Source == Ticket.BusinessTrip && Stockholm.MonthOf(ticket.RegisteredAt) == Stockholm.MonthOf(Now),
        Stockholm.MonthOf(Now), ticket.PriceOre);

    public async Task<IActionResult> OnPostReactivateAsync(Guid id)
    {
        var reactivated = await travellers.ReactivateAsync(AdminScope.Of(User), id);
        return Answer(id, reactivated.Rejection, $"{reactivated.Value?.Name} är återaktiverad och kan logga in igen. Tjänsteresor behöver beviljas på nytt.");
    }

    private IActionResult Answer(Guid id, Rejection? rejection, string success) => rejection switch
    {
        { Code: RejectionCodes.NotFound } => NotFound(),
        { } rejected => Done(id, rejected.Message, isError: true),
        _ => Done(id, success),
    };

    private RedirectToPageResult Done(Guid id, string message, bool isError = false)
    {
        (Message, MessageIsError) = (message, isError);
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var scope = AdminScope.Of(User);
        if (await travellers.FindAsync(scope, id) is not { } traveller)
        {
            return false;
        }

        Traveller = traveller;
        var departmentList = departments.ListAsync(scope);
        var allPay = businessTravel.HasAllPayAsync(id);
        var orders = ordering.OrdersAsync(id);
        var active = tickets.ActiveAsync(id, 1, ShownTickets);
        var history = audit.SearchAsync(scope, new AuditQuery(TargetId: id));
        Departments = await departmentList;
        AllPayAdded = await allPay;
        var allOrders = await orders;
        OrderCount = allOrders.Count;
        Orders = [.. allOrders.OrderByDescending(order => order.Submission.SubmittedAt).Take(ShownOrders)];
        Tickets = await active;
        History = await history;
        return true;
    }

    private void ShowSaved()
    {
        FirstName = Traveller.FirstName;
        LastName = Traveller.LastName;
        Mobile = TicketText.Mobile(Traveller.Mobile) is var mobile && mobile != "–" ? mobile : "";
        EmployeeNumber = Traveller.EmployeeNumber;
        DepartmentId = Traveller.Department.Id;
    }
}
