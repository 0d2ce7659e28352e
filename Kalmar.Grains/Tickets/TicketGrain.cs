using Kalmar.Contracts.Abstractions;
using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Live;
using Kalmar.Contracts.Model;
using Kalmar.Grains.Infrastructure;
using Kalmar.Grains.Live;
using Microsoft.Extensions.DependencyInjection;

namespace Kalmar.Grains.Tickets;

/// <summary>
/// A ticket's block and recall. The ticket's row is the state, read afresh for each command; the grain being one
/// activation that takes one command at a time is what keeps two recalls from both crediting. Each change is one
/// transaction with its audit entry (and a recall with its credit); the push to the traveller leaves after it.
/// </summary>
public sealed class TicketGrain(
    TicketBook book, TicketStatusStore store, LivePublisher live, [FromKeyedServices(BusinessClock.Key)] TimeProvider time) : Grain, ITicketGrain
{
    private Guid TicketId => this.GetPrimaryKey();

    public Task<HeldTicket?> GetAsync() => book.FindHeldAsync(TicketId);

    public async Task<Outcome<Ticket>> BlockAsync(string? reason, Actor actor)
    {
        if (await book.FindHeldAsync(TicketId) is not { Ticket: var ticket } held)
        {
            return NotFound;
        }

        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return Rejection.Field("reason", "Ange varför biljetten spärras, t.ex. borttappad telefon.");
        }

        if (reason.Length > ITicketGrain.MaxReasonLength)
        {
            return Rejection.Field("reason", $"Skriv skälet med högst {ITicketGrain.MaxReasonLength} tecken.");
        }

        var now = time.GetUtcNow();
        if (ticket.Status != TicketStatus.Active)
        {
            return ticket.Status == TicketStatus.Blocked ? Outcome<Ticket>.Success(ticket) : Recalled;
        }

        if (ticket.ValidTo <= now)
        {
            return Rejection.Of(RejectionCodes.TicketExpired, "Biljetten har redan slutat gälla och behöver inte spärras.");
        }

        var traveller = await TravellerAsync(held);
        var blocked = ticket with { Status = TicketStatus.Blocked };
        if (!await store.BlockAsync(ticket.Id, reason, actor, TicketAudit.Blocked(ticket, held.TravellerId, traveller, actor, reason, now)))
        {
            return await BlockAsync(reason, actor); // changed meanwhile by another activation: answer as it stands now
        }

        Publish(held.TravellerId, blocked);
        return Outcome<Ticket>.Success(blocked);
    }

    public async Task<Outcome<RecalledTicket>> RecallAsync(Actor actor)
    {
        if (await book.FindHeldAsync(TicketId) is not { Ticket: var ticket } held)
        {
            return NotFound;
        }

        if (ticket.Status == TicketStatus.Recalled)
        {
            return Outcome<RecalledTicket>.Success((await store.CreditOfAsync(ticket))!);
        }

        var now = time.GetUtcNow();
        if (ticket.ValidFrom <= now)
        {
            return Rejection.Of(RejectionCodes.TicketInUse,
                $"Biljetten har börjat gälla ({Stockholm.Format(ticket.ValidFrom)}) och kan inte återkallas. Spärra den i stället om den inte ska användas.");
        }

        // Written with the ticket's line, before the approval or purchase was answered; missing only for a moment after a crash.
        var purchase = await store.PurchaseAsync(ticket.Id)
            ?? throw new InvalidOperationException($"Ticket {ticket.Id} has no invoice line to credit yet.");
        var traveller = await TravellerAsync(held);
        var month = Stockholm.MonthOf(now);
        var recalled = ticket with { Status = TicketStatus.Recalled };

        // A business trip of this month gives its credit back; an earlier month's credit is spent, so the invoice is credited.
        if (ticket.Source == Ticket.BusinessTrip && purchase.Month == month
            && await GrainFactory.GetGrain<ICreditAccountGrain>(held.TravellerId).RefundAsync(new CreditRefund(
                ticket, purchase.Month, purchase.CompanyId, purchase.DepartmentId, purchase.Product, purchase.Purpose ?? "", purchase.Price,
                actor, traveller.FullName, traveller.Email)) is not null)
        {
            Publish(held.TravellerId, recalled);
            return Outcome<RecalledTicket>.Success(new RecalledTicket(recalled, RecalledTicket.ToCreditAccount, month, purchase.Price));
        }

        var credited = new RecalledTicket(recalled, RecalledTicket.ToInvoice, month, purchase.Price);
        var audit = TicketAudit.Recalled(ticket, held.TravellerId, purchase.CompanyId, traveller.FullName, actor, credited, now);
        if (!await store.RecallToInvoiceAsync(credited, purchase, actor, audit, TicketAudit.RecallNotice(traveller.Email, actor, credited)))
        {
            return await RecallAsync(actor); // recalled meanwhile by another activation: answer its credit
        }

        Publish(held.TravellerId, recalled);
        var added = new InvoiceChanged(month, purchase.CompanyId, purchase.DepartmentId, purchase.Price.Negated(), Lines: 1);
        live.Publish(added.ToAdmins());
        return Outcome<RecalledTicket>.Success(credited);
    }

    private static Rejection NotFound => Rejection.Of(RejectionCodes.NotFound, "Biljetten finns inte.");

    private static Rejection Recalled => Rejection.Of(RejectionCodes.TicketRecalled, "Biljetten är återkallad och kan inte spärras.");

    private async Task<UserProfile> TravellerAsync(HeldTicket held) =>
        await GrainFactory.GetGrain<IUserGrain>(held.TravellerId).GetAsync()
        ?? throw new InvalidOperationException($"Ticket {held.Ticket.Id} is held by no known traveller.");

    private void Publish(Guid travellerId, Ticket ticket) =>
        live.Publish(LiveEvent.ToUser(new TicketChanged(ticket), travellerId));
}
