using Kalmar.Contracts.Model;

namespace Kalmar.Bench.Chaos;

/// <summary>
/// Compares what every client was told with what the database holds: each acknowledged purchase and decision stored
/// once, none doubled, each account's ledger sum equal to its stored use, and each phone's final credit and order
/// statuses equal to the stored ones. Every line it prints is a count; a non-zero "lost", "doubled" or "wrong" fails.
/// </summary>
public sealed class ChaosCheck(StoredRows stored)
{
    private readonly List<string> _problems = [];

    public IReadOnlyList<string> Problems => _problems;

    public void Purchases(IReadOnlyList<Buyer> buyers)
    {
        var charges = stored.Charges.ToLookup(charge => (charge.Traveller, charge.Key));
        var acknowledged = buyers.SelectMany(buyer => buyer.Acknowledged.Select(receipt => (buyer.Traveller.Id, receipt))).ToList();
        var lost = acknowledged.Count(told => !charges.Contains((told.Id, told.receipt.IdempotencyKey)));
        var doubled = charges.Count(key => key.Count() > 1);
        var wrongTicket = acknowledged.Count(told => charges[(told.Id, told.receipt.IdempotencyKey)].Any(charge => charge.TicketId != told.receipt.TicketId));
        var toldKeys = acknowledged.Select(told => (told.Id, told.receipt.IdempotencyKey)).ToHashSet();
        var untold = stored.Charges.Count(charge => !toldKeys.Contains((charge.Traveller, charge.Key)));
        var tickets = stored.Tickets.Where(ticket => ticket.Source == Ticket.BusinessTrip).ToLookup(ticket => ticket.Traveller);
        var doubledTickets = buyers.Sum(buyer => Math.Max(0, tickets[buyer.Traveller.Id].Count() - stored.Charges.Count(charge => charge.Traveller == buyer.Traveller.Id)));
        Console.WriteLine($"purchases acknowledged: {acknowledged.Count}, ledger rows: {stored.Charges.Count}; lost {lost}, doubled {doubled}, " +
            $"wrong ticket {wrongTicket}, doubled tickets {doubledTickets}, charged but never acknowledged {untold}");
        Fail(lost, "acknowledged purchases missing from the ledger");
        Fail(doubled, "idempotency keys charged twice");
        Fail(wrongTicket, "purchases whose stored ticket is not the one the app was told of");
        Fail(doubledTickets, "business-trip tickets beyond the ledger's rows");
        Fail(untold, "charges no client was told of (a purchase given up on)");
    }

    public void Accounts(IReadOnlyList<Buyer> buyers, IReadOnlyDictionary<Guid, Phone> phones)
    {
        var ledgerOff = buyers.Count(buyer => stored.Charges.Where(charge => charge.Traveller == buyer.Traveller.Id).Sum(charge => charge.TotalOre) != Used(buyer));
        var answerOff = buyers.Count(buyer => buyer.Acknowledged.Select(receipt => receipt.UsedOre).DefaultIfEmpty(0).Max() != Used(buyer));
        var phoneOff = buyers.Count(buyer => phones[buyer.Traveller.Id].UsedOre != Used(buyer));
        Console.WriteLine($"credit accounts: {buyers.Count}; ledger sum ≠ stored used {ledgerOff}, last purchase answer ≠ stored used {answerOff}, " +
            $"phone's final credit ≠ stored used {phoneOff}");
        Fail(ledgerOff, "accounts whose ledger sum is not their stored use (credit_accounts)");
        Fail(answerOff, "buyers whose last answer's credit is not the stored use");
        Fail(phoneOff, "phones whose final credit (live or re-read) is not the stored use", buyers
            .Where(buyer => phones[buyer.Traveller.Id].UsedOre != Used(buyer))
            .Select(buyer => $"{buyer.Traveller.Id}: phone {phones[buyer.Traveller.Id].UsedOre}, stored {Used(buyer)}, reconnects {phones[buyer.Traveller.Id].Reconnects}"));
    }

    public void Orders(IReadOnlyList<Orderer> orderers, Approver approver, IReadOnlyDictionary<Guid, Phone> phones)
    {
        var placed = orderers.SelectMany(orderer => orderer.Placed.Select(order => (orderer.Traveller.Id, order))).ToList();
        var storedOrders = stored.Orders.ToLookup(order => order.Order);
        var lines = stored.StaffOfferLines.ToLookup(line => line.Order);
        var ticketIds = stored.Tickets.Where(ticket => ticket.Source == Ticket.StaffOffer).Select(ticket => ticket.Id).ToHashSet();
        var placedIds = placed.Select(told => told.order).ToHashSet();
        var lost = placed.Count(told => !storedOrders.Contains(told.order));
        var extra = stored.Orders.Count(order => !placedIds.Contains(order.Order));
        var decided = approver.Decided;
        var undecided = placed.Count(told => !decided.ContainsKey(told.order));
        var decisionLost = decided.Count(decision => decision.Value == "approved" ? !lines.Contains(decision.Key) : false);
        var doubledLines = lines.Count(order => order.Count() > 1);
        var linesOfUnapproved = lines.Count(order => decided.GetValueOrDefault(order.Key) != "approved");
        var missingTickets = stored.StaffOfferLines.Count(line => !ticketIds.Contains(line.Line));
        var phoneOff = placed.Count(told => phones[told.Id].Orders.GetValueOrDefault(told.order) != decided.GetValueOrDefault(told.order, "pending"));
        var approved = decided.Count(decision => decision.Value == "approved");
        Console.WriteLine($"orders placed: {placed.Count} (stored {stored.Orders.Count}; lost {lost}, never acknowledged {extra}); decisions acknowledged: " +
            $"{decided.Count} ({approved} approved, {decided.Count - approved} rejected), undecided {undecided}");
        Console.WriteLine($"decisions: approved without its invoice line {decisionLost}, doubled lines {doubledLines}, lines of orders not approved " +
            $"{linesOfUnapproved}, lines without their ticket {missingTickets}; phones with a wrong final order status {phoneOff}");
        Fail(lost, "acknowledged orders not stored");
        Fail(extra, "stored orders no traveller was told of");
        Fail(undecided, "orders left undecided");
        Fail(decisionLost, "acknowledged approvals without their invoice line",
            decided.Where(decision => decision.Value == "approved" && !lines.Contains(decision.Key)).Select(decision => decision.Key.ToString()));
        Fail(doubledLines, "orders invoiced twice");
        Fail(linesOfUnapproved, "invoice lines of orders not approved");
        Fail(missingTickets, "approved lines without their ticket");
        Fail(phoneOff, "orders whose phone does not know the final status (live or re-read)", placed
            .Where(told => phones[told.Id].Orders.GetValueOrDefault(told.order) != decided.GetValueOrDefault(told.order, "pending"))
            .Select(told => $"{told.order}: phone {phones[told.Id].Orders.GetValueOrDefault(told.order) ?? "nothing"}, decided {decided.GetValueOrDefault(told.order)}"));
    }

    private long Used(Buyer buyer) => stored.UsedOre.GetValueOrDefault(buyer.Traveller.Id);

    /// <summary>Records a problem when <paramref name="count"/> is not zero, naming its first few <paramref name="examples"/>.</summary>
    private void Fail(int count, string what, IEnumerable<string>? examples = null)
    {
        if (count > 0)
        {
            var named = string.Join("; ", (examples ?? []).Take(3));
            _problems.Add(named.Length == 0 ? $"{count} {what}" : $"{count} {what}, e.g. {named}");
        }
    }
}
