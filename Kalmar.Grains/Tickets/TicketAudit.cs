using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Model;
using Kalmar.Contracts.Notifications;
using Kalmar.Grains.Audit;
using Kalmar.Grains.Notifications;

namespace Kalmar.Grains.Tickets;

/// <summary>
/// How a block or recall is told: the audit entry on the traveller (so it shows on their page) and the recall's notice
/// to the traveller. Both carry ids derived from the ticket, so the step that writes them again adds nothing.
/// </summary>
public static class TicketAudit
{
    public static AuditRecord Blocked(Ticket ticket, Guid travellerId, UserProfile traveller, Actor actor, string reason, DateTimeOffset at) =>
        new(at, traveller.CompanyId, actor, AuditActions.TicketBlocked, travellerId, traveller.FullName,
            new { status = StatusText(ticket.Status) },
            new { ticket = Describe(ticket), status = StatusText(TicketStatus.Blocked), reason },
            EventId: MessageIds.For(AuditActions.TicketBlocked, ticket.Id));

    public static AuditRecord Recalled(
        Ticket ticket, Guid travellerId, Guid companyId, string travellerName, Actor actor, RecalledTicket credit, DateTimeOffset at) =>
        new(at, companyId, actor, AuditActions.TicketRecalled, travellerId, travellerName,
            new { status = StatusText(ticket.Status) },
            new { ticket = Describe(ticket), status = StatusText(TicketStatus.Recalled), creditOre = credit.Credited.TotalOre, creditedTo = CreditedTo(credit) },
            EventId: MessageIds.For(AuditActions.TicketRecalled, ticket.Id));

    /// <summary>The traveller's e-mail: the ticket is gone from their lists, and where its price went.</summary>
    public static OutgoingMessage RecallNotice(string travellerEmail, Actor actor, RecalledTicket recalled)
    {
        const string subject = "Din biljett har återkallats";
        var ticket = recalled.Ticket;
        return new EmailComposer(subject)
            .Paragraph($"{actor.Name} har återkallat din biljett innan den började gälla. Den finns inte längre bland dina biljetter och kan inte användas.")
            .Fact("Biljett", Describe(ticket))
            .Fact("Belopp", Money.ToKronor(recalled.Credited.TotalOre))
            .Paragraph(recalled.CreditedTo == RecalledTicket.ToCreditAccount
                ? "Beloppet har förts tillbaka till din kredit för tjänsteresor den här månaden."
                : "Ditt företag krediteras beloppet på nästa faktura.")
            .ToMessage(MessageIds.For(AuditActions.TicketRecalled, ticket.Id, MessageChannelNames.Email), travellerEmail.Trim().ToLowerInvariant(), subject);
    }

    private static string Describe(Ticket ticket) =>
        $"{ticket.ProductName}, {ticket.CategoryName}, zon {string.Join(", ", ticket.Zones)}, giltig från {Stockholm.Format(ticket.ValidFrom)}";

    private static string CreditedTo(RecalledTicket credit) => credit.CreditedTo == RecalledTicket.ToCreditAccount
        ? "resenärens kredit för tjänsteresor"
        : $"fakturan för {Stockholm.MonthName(credit.Month)}";

    private static string StatusText(TicketStatus status) => status switch
    {
        TicketStatus.Blocked => "Spärrad",
        TicketStatus.Recalled => "Återkallad",
        _ => "Aktiv",
    };
}
