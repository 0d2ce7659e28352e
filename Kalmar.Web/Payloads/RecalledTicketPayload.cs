using Kalmar.Contracts.Model;

namespace Kalmar.Web.Payloads;

/// <summary>The answer to a recall: the ticket (status <c>recalled</c>) and how the company was credited.</summary>
public sealed record RecalledTicketPayload(TicketPayload Ticket, TicketCreditPayload Credit)
{
    public static RecalledTicketPayload Of(RecalledTicket recalled) => new(
        TicketPayload.Of(recalled.Ticket),
        new TicketCreditPayload(recalled.CreditedTo, recalled.Month, recalled.Credited.ExclVatOre, recalled.Credited.VatOre, recalled.Credited.TotalOre));
}
