using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;
using Kalmar.Web.Features.Tickets;
using Kalmar.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kalmar.Web.Pages.Biljetter;

/// <summary>"Visa alla": every ticket of one group (Aktiva, Kommande, Spärrade), a page at a time.</summary>
public sealed class MinaBiljetterModel(TicketsService tickets) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "grupp")]
    public string? GroupSlug { get; set; }

    [BindProperty(SupportsGet = true, Name = "sida")]
    public int PageNumber { get; set; } = 1;

    public TicketGroup Group { get; private set; }

    /// <summary>Every group with its count (for the choice of group), and the page shown of the chosen one.</summary>
    public IReadOnlyList<TicketPage> Groups { get; private set; } = [];

    public TicketPage Shown { get; private set; } = null!;

    public int PageCount => Math.Max(1, (Shown.Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync()
    {
        if (GroupSlug is not null && TicketGroupText.Parse(GroupSlug) is null)
        {
            return NotFound();
        }

        Group = TicketGroupText.Parse(GroupSlug) ?? TicketGroup.Active;
        PageNumber = Math.Max(PageNumber, 1);
        var userId = User.GetUserId();
        Groups = await tickets.GroupsAsync(userId, take: 0);
        Shown = await tickets.GroupAsync(userId, Group, carrier: null, PageNumber, PageSize);
        return Page();
    }

    public string PageLink(int page) => $"{TicketGroupText.AllLink(Group)}&sida={page}";
}
