using Kalmar.Grains.Contracts;

namespace Kalmar.Grains.Credit;

[GenerateSerializer, Alias("Kalmar.CreditAccountState")]
public sealed class CreditAccountState
{
    [Id(0)] public bool Enabled { get; set; }
    [Id(1)] public long LimitOre { get; set; }
    [Id(2)] public string Month { get; set; } = "";
    [Id(3)] public long UsedOre { get; set; }

    /// <summary>Every charge's receipt by idempotency key, so a retry is answered, never charged again.</summary>
    [Id(4)] public Dictionary<string, ChargeReceipt> Receipts { get; set; } = [];

    /// <summary>Deductions not yet in the ledger table: the outbox between this state and the table.</summary>
    [Id(5)] public List<LedgerEntry> UnwrittenLedger { get; set; } = [];

    /// <summary>Tickets paid for but not yet in the traveller's wallet: the outbox between this state and the user grain.</summary>
    [Id(6)] public List<Ticket> UnissuedTickets { get; set; } = [];
}
