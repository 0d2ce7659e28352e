using Kalmar.Contracts.Model;

namespace Kalmar.Grains.Credit;

public sealed class PendingCharge(CreditCharge charge) : PendingCommand<Outcome<ChargeReceipt>>
{
    public CreditCharge Charge { get; } = charge;
}
