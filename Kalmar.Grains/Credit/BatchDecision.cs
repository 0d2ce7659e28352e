namespace Kalmar.Grains.Credit;

/// <summary>What a batch of commands decided: the account they leave and the ledger rows that say why.</summary>
public sealed record BatchDecision(CreditAccount Account, List<LedgerEntry> Entries, List<RefundEntry> Refunds);
