using Kalmar.Web.Auth;
using Kalmar.Web.Features.Audit;
using Kalmar.Web.Features.Travellers;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;

namespace Kalmar.Web.Pages.Admin;

/// <summary>The Händelselogg: every administrative change in the admin's scope, newest first, filtered and paged.</summary>
public sealed class HandelseloggModel(AuditTrail audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(Name = "page", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public Paged<AuditEntry> Entries { get; private set; } = new([], 1, AuditQuery.PageSize, 0);

    public async Task OnGetAsync()
    {
        Action = Action is not null && AuditTexts.Actions.ContainsKey(Action) ? Action : null;
        Entries = await audit.SearchAsync(AdminScope.Of(User), new AuditQuery(null, Action, From, To, PageNumber));
    }

    /// <summary>The filters as a query string (without the page), for the export and the page links.</summary>
    public string Filters(string? extra = null)
    {
        var parts = new List<string>();
        if (Action is not null)
        {
            parts.Add($"action={Uri.EscapeDataString(Action)}");
        }

        if (From is { } from)
        {
            parts.Add($"from={from:yyyy-MM-dd}");
        }

        if (To is { } to)
        {
            parts.Add($"to={to:yyyy-MM-dd}");
        }

        if (extra is not null)
        {
            parts.Add(extra);
        }

        return parts.Count > 0 ? "?" + string.Join('&', parts) : "";
    }
}
