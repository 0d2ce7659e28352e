using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Model;

namespace Kalmar.Web.Pages;

/// <summary>A ticket's status and a recall's credit as the pages say them; the app (wwwroot/app/js/views/tickets.js) uses the same words.</summary>
public static class TicketStatusText
{
    public static string Status(TicketStatus status) => status switch
    {
        TicketStatus.Blocked => "Spärrad",
        TicketStatus.Recalled => "Återkallad",
        _ => "Aktiv",
    };

    /// <summary>Where a recalled ticket's price goes: back to the traveller's credit, or onto the invoice of <paramref name="month"/>.</summary>
    public static string Credit(bool toCreditAccount, string month, long totalOre) => toCreditAccount
        ? $"Företaget krediteras {Money.ToKronor(totalOre)}: beloppet förs tillbaka till resenärens kredit för tjänsteresor i {Stockholm.MonthName(month)}."
        : $"Företaget krediteras {Money.ToKronor(totalOre)} på fakturan för {Stockholm.MonthName(month)}.";
}
