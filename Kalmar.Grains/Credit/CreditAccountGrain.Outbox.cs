using Kalmar.Contracts.Abstractions;
using Kalmar.Grains.Infrastructure;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace Kalmar.Grains.Credit;

/// <summary>The outbox between the account's state and the ledger table and the traveller's wallet.</summary>
public sealed partial class CreditAccountGrain
{
    private const string OutboxReminder = "charge-outbox";

    /// <summary>The outbox reminder's name before tickets joined the ledger rows in the outbox.</summary>
    private const string LegacyLedgerReminder = "ledger-outbox";

    private static readonly TimeSpan OutboxRetryPeriod = TimeSpan.FromMinutes(1);

    private IGrainReminder? _outboxReminder;

    /// <summary>
    /// Moves the outbox's deductions into the ledger table and its tickets into the traveller's wallet (both
    /// idempotent by id), then saves the emptied outbox. A ledger failure waits for the reminder; a ticket
    /// failure is thrown, so that no caller is told of a purchase whose ticket is not yet there.
    /// </summary>
    private async Task FlushOutboxAsync()
    {
        var emptied = await TryWriteLedgerAsync();
        if (state.State.UnissuedTickets.Count > 0)
        {
            await GrainFactory.GetGrain<IUserGrain>(TravellerId).IssueTicketsAsync([.. state.State.UnissuedTickets]);
            state.State.UnissuedTickets.Clear();
            emptied = true;
        }

        if (emptied)
        {
            await state.WriteOrDropActivationAsync(this);
        }
    }

    /// <summary>
    /// Whether the outbox is empty now; what could not be done waits for the reminder. A failed state write is logged
    /// here too: it has already dropped the activation, and all it left ahead of storage is an outbox emptied of rows
    /// and tickets that were delivered (by id, so delivering them again from storage adds nothing).
    /// </summary>
    private async Task<bool> TryFlushOutboxAsync()
    {
        try
        {
            await FlushOutboxAsync();
        }
        catch (Exception exception) when (exception is not InconsistentStateException)
        {
            LogOutboxFlushFailed(exception, TravellerId);
            return false;
        }

        return state.State is { UnwrittenLedger.Count: 0, UnissuedTickets.Count: 0 };
    }

    private async Task RetryOutboxAsync(string reminderName)
    {
        if (await TryFlushOutboxAsync())
        {
            await this.UnregisterReminderAsync(reminderName);
            _outboxReminder = null;
        }
    }

    private async Task<bool> TryWriteLedgerAsync()
    {
        if (state.State.UnwrittenLedger.Count == 0)
        {
            return false;
        }

        try
        {
            await ledger.UpsertAsync(state.State.UnwrittenLedger);
            state.State.UnwrittenLedger.Clear();
            return true;
        }
        catch (Exception exception) when (exception is Npgsql.NpgsqlException or TimeoutException)
        {
            LogLedgerWriteFailed(exception, TravellerId);
            return false;
        }
    }

    /// <summary>Kept while the grain is active and dropped by the first tick that finds the outbox empty, so a stream of charges registers it once.</summary>
    private async Task EnsureOutboxReminderAsync() =>
        _outboxReminder ??= await this.RegisterOrUpdateReminder(OutboxReminder, OutboxRetryPeriod, OutboxRetryPeriod);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write the ledger of traveller {TravellerId}; a reminder retries")]
    private partial void LogLedgerWriteFailed(Exception exception, Guid travellerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not finish the charge outbox of traveller {TravellerId}; a reminder retries")]
    private partial void LogOutboxFlushFailed(Exception exception, Guid travellerId);
}
