using Kalmar.Contracts.Model;

namespace Kalmar.Grains.Credit;

/// <summary>
/// The receipts of the latest charges by idempotency key, so that a quick retry is answered from memory. Older
/// keys are looked up in the ledger, whose unique key on (traveller, idempotency key) is what really makes a
/// charge happen once; this window only saves that look-up, which is why it need not survive the activation.
/// </summary>
public sealed class RecentReceipts(int capacity)
{
    private readonly Dictionary<string, ChargeReceipt> _receipts = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public bool TryGet(string idempotencyKey, out ChargeReceipt receipt) => _receipts.TryGetValue(idempotencyKey, out receipt!);

    public void Add(string idempotencyKey, ChargeReceipt receipt)
    {
        if (!_receipts.TryAdd(idempotencyKey, receipt))
        {
            return;
        }

        _order.Enqueue(idempotencyKey);
        if (_order.Count > capacity)
        {
            _receipts.Remove(_order.Dequeue());
        }
    }
}
