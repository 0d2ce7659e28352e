using Kalmar.Contracts.Model;

namespace Kalmar.Web.Pages.Shared;

/// <summary>The ticket groups as the portal names them, and their spelling in the address of "Visa alla".</summary>
public static class TicketGroupText
{
    public static string Name(TicketGroup group) => group switch
    {
        TicketGroup.Active => "Aktiva",
        TicketGroup.Upcoming => "Kommande",
        _ => "Spärrade",
    };

    public static string Slug(TicketGroup group) => group switch
    {
        TicketGroup.Active => "aktiva",
        TicketGroup.Upcoming => "kommande",
        _ => "sparrade",
    };

    public static TicketGroup? Parse(string? slug) => TicketGroupNames.All.Cast<TicketGroup?>().FirstOrDefault(group => Slug(group!.Value) == slug);

    /// <summary>"Visa alla" of a group: its own paged list.</summary>
    public static string AllLink(TicketGroup group) => $"/biljetter/mina-biljetter?grupp={Slug(group)}";
}
