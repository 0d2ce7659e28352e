using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Model;

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

    /// <summary>The credit as it stands in <paramref name="month"/>: what was used in an earlier month does not count.</summary>
    public CreditView View(string month) => new(month, Enabled, LimitOre, Month == month ? UsedOre : 0);

    /// <summary>
    /// Credit is per calendar month in Sweden; unused credit does not carry over. Receipts from before the month
    /// that ends go (nobody retries a purchase that late), so the state does not grow for ever.
    /// </summary>
    public void StartMonth(string month)
    {
        if (Month == month)
        {
            return;
        }

        var endingMonth = Month;
        Month = month;
        UsedOre = 0;
        foreach (var key in Receipts.Where(receipt => Stockholm.MonthOf(receipt.Value.ChargedAt) is var charged && charged != endingMonth && charged != month)
                     .Select(receipt => receipt.Key).ToList())
        {
            Receipts.Remove(key);
        }
    }
}
