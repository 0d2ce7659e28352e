using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Live;
using Kalmar.Contracts.Model;
using Microsoft.Extensions.Logging;

namespace Kalmar.Grains.Credit;

/// <summary>
/// Group commit: commands that arrive while a commit is under way wait for the next one, which takes them all. One
/// transaction writes the account's new state with every accepted charge's ledger row and ticket, and every refund's
/// ledger row with its ticket's recall; only then is each caller answered. A commit that fails answers every caller in
/// it with the error and charges (or refunds) none of them.
/// </summary>
public sealed partial class CreditAccountGrain
{
    private static readonly IReadOnlyDictionary<string, ChargeReceipt> NoReceipts = new Dictionary<string, ChargeReceipt>();

    private readonly List<PendingCommand> _queue = [];
    private bool _committing;

    private Task<TAnswer> EnqueueAsync<TAnswer>(PendingCommand<TAnswer> command)
    {
        _queue.Add(command);
        if (!_committing)
        {
            _committing = true;
            CommitQueuedAsync().Ignore();
        }

        return command.Answered;
    }

    private async Task CommitQueuedAsync()
    {
        try
        {
            while (_queue.Count > 0)
            {
                PendingCommand[] batch = [.. _queue];
                _queue.Clear();
                await CommitAsync(batch);
            }
        }
        finally
        {
            _committing = false;
        }
    }

    private async Task CommitAsync(PendingCommand[] batch)
    {
        try
        {
            // One reading of the clock, so a batch at midnight on the 1st belongs wholly to one month.
            var now = time.GetUtcNow();
            var month = Stockholm.MonthOf(now);
            var before = _account;
            var refunded = await RefundedTicketsAsync(batch);
            var decided = Decide(batch, NoReceipts, refunded, now, month);
            var outcome = await SaveAsync(decided);
            if (outcome == CommitOutcome.KeyCharged)
            {
                // A retry older than the window of recent keys: decided again, now with the first receipts of its keys.
                decided = Decide(batch, await EarlierReceiptsAsync(batch), refunded, now, month);
                outcome = await SaveAsync(decided);
            }

            if (outcome != CommitOutcome.Committed)
            {
                throw new InvalidOperationException($"The credit commit of {TravellerId} wrote nothing: {outcome}.");
            }

            foreach (var entry in decided.Entries)
            {
                _recent.Add(entry.IdempotencyKey, entry.Receipt);
            }

            Array.ForEach(batch, command => command.Answer());
            CountDecided(batch, decided.Entries.Count);
            if (_account != before)
            {
                PublishCommitted(decided.Entries, decided.Refunds, month);
            }
        }
        catch (Exception exception)
        {
            // Whether the commit happened is unknown: the next activation reads what the database holds, and a caller's
            // retry with its idempotency key finds the charge there if it was made.
            LogCommitFailed(exception, TravellerId, batch.Length);
            Array.ForEach(batch, command => command.Fail(exception));
            DeactivateOnIdle();
        }
    }

    /// <summary>Writes what <paramref name="decided"/> changes, if anything, and only then takes it as the account.</summary>
    private async Task<CommitOutcome> SaveAsync(BatchDecision decided)
    {
        if (decided.Account == _account)
        {
            return CommitOutcome.Committed;
        }

        var next = decided.Account with { Version = _account.Version + 1 };
        var outcome = await store.CommitAsync(TravellerId, _account.Version, next, decided.Entries, decided.Refunds);
        if (outcome == CommitOutcome.Committed)
        {
            _account = next;
        }

        return outcome;
    }

    private void CountDecided(PendingCommand[] batch, int charged)
    {
        if (charged > 0)
        {
            metrics.Committed(charged);
            metrics.Charged(charged);
        }

        foreach (var pending in batch.OfType<PendingCharge>())
        {
            if (pending.Decided?.Rejection is { } refusal)
            {
                metrics.Refused(refusal.Code);
            }
        }
    }

    /// <summary>The first receipts of the batch's keys that the window of recent keys does not hold.</summary>
    private async Task<IReadOnlyDictionary<string, ChargeReceipt>> EarlierReceiptsAsync(PendingCommand[] batch)
    {
        string[] unknown = [.. batch.OfType<PendingCharge>().Select(pending => pending.Charge.IdempotencyKey)
            .Where(key => !_recent.TryGet(key, out _)).Distinct(StringComparer.Ordinal)];
        return await store.FindReceiptsAsync(TravellerId, unknown);
    }

    /// <summary>The tickets of the batch's refunds that an earlier commit refunded already (a retried recall).</summary>
    private async Task<HashSet<Guid>> RefundedTicketsAsync(PendingCommand[] batch)
    {
        Guid[] tickets = [.. batch.OfType<PendingRefund>().Select(pending => pending.Refund.Ticket.Id)];
        return tickets.Length == 0 ? [] : await store.RefundedTicketsAsync(TravellerId, tickets);
    }

    /// <summary>Decides each command in arrival order against the account as the earlier ones leave it.</summary>
    private BatchDecision Decide(
        PendingCommand[] batch, IReadOnlyDictionary<string, ChargeReceipt> earlier, IReadOnlySet<Guid> refundedBefore, DateTimeOffset now, string month)
    {
        var account = _account.In(month);
        var refunded = new HashSet<Guid>(refundedBefore);
        var entries = new List<LedgerEntry>();
        var refunds = new List<RefundEntry>();
        var inBatch = new Dictionary<string, ChargeReceipt>(StringComparer.Ordinal);
        foreach (var command in batch)
        {
            switch (command)
            {
                case PendingLimit limit:
                    account = account with { Enabled = limit.Enabled, LimitOre = limit.MonthlyLimitOre };
                    limit.Decided = account.View(month);
                    break;
                case PendingCharge { Charge: var charge } pending:
                    var key = charge.IdempotencyKey;
                    if (inBatch.TryGetValue(key, out var first) || earlier.TryGetValue(key, out first) || _recent.TryGet(key, out first))
                    {
                        pending.Decided = Outcome<ChargeReceipt>.Success(first);
                        break;
                    }

                    var credit = account.View(month);
                    if (Refusal(credit, charge) is { } refusal)
                    {
                        pending.Decided = refusal;
                        break;
                    }

                    account = account with { UsedOre = account.UsedOre + charge.Price.TotalOre };
                    var receipt = new ChargeReceipt(Guid.NewGuid(), now, account.View(month), charge.Ticket);
                    entries.Add(new LedgerEntry(TravellerId, key, charge, receipt));
                    inBatch[key] = receipt;
                    pending.Decided = Outcome<ChargeReceipt>.Success(receipt);
                    break;
                case PendingRefund { Refund: var refund } pending:
                    if (refund.ChargedMonth != month)
                    {
                        pending.Decided = null; // that month's credit is spent: the caller credits the invoice instead
                        break;
                    }

                    if (!refunded.Add(refund.Ticket.Id))
                    {
                        pending.Decided = account.View(month);
                        break;
                    }

                    account = account with { UsedOre = account.UsedOre - refund.Price.TotalOre };
                    refunds.Add(new RefundEntry(Guid.NewGuid(), refund, now, account.View(month)));
                    pending.Decided = account.View(month);
                    break;
            }
        }

        var unchanged = entries.Count == 0 && refunds.Count == 0 && batch.All(command => command is PendingCharge or PendingRefund);
        return new BatchDecision(unchanged ? _account : account, entries, refunds);
    }

    private static Rejection? Refusal(CreditView credit, CreditCharge charge) =>
        !credit.Enabled
            ? Rejection.Of(RejectionCodes.BusinessTravelNotGranted, "Du har inte behörighet att köpa tjänsteresor. Kontakta din administratör.")
            : charge.Price.TotalOre > credit.RemainingOre
                ? Rejection.Of(RejectionCodes.InsufficientCredit,
                    $"Krediten räcker inte: {Money.ToKronor(charge.Price.TotalOre)} men {Money.ToKronor(credit.RemainingOre)} kvar denna månad.")
                : null;

    /// <summary>
    /// The push leaves right after the commit, never awaited by the callers: the credit once for the batch, each new
    /// ticket, and to the admins what the batch added to each department's open invoice (one event per department; a
    /// refund adds a negative line). A recalled ticket's own event is its recall's to send.
    /// </summary>
    private void PublishCommitted(List<LedgerEntry> entries, List<RefundEntry> refunds, string month)
    {
        Publish(new CreditChanged(_account.View(month)));
        foreach (var ticket in entries.Select(entry => entry.Receipt.Ticket).OfType<Ticket>())
        {
            Publish(new TicketIssued(ticket));
        }

        var lines = entries.Select(entry => (entry.Charge.CompanyId, entry.Charge.DepartmentId, entry.Charge.Price))
            .Concat(refunds.Select(entry => (entry.Refund.CompanyId, entry.Refund.DepartmentId, Price: entry.Refund.Price.Negated())));
        foreach (var department in lines.GroupBy(line => (line.CompanyId, line.DepartmentId)))
        {
            var added = department.Aggregate(PriceBreakdown.Zero, (sum, line) => sum + line.Price);
            var changed = new InvoiceChanged(month, department.Key.CompanyId, department.Key.DepartmentId, added, department.Count());
            live.Publish(changed.ToAdmins());
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A commit of {Count} credit commands for traveller {TravellerId} failed; every caller in it was told")]
    private partial void LogCommitFailed(Exception exception, Guid travellerId, int count);
}
