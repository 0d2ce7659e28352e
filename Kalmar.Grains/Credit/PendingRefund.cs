using Kalmar.Contracts.Model;

namespace Kalmar.Grains.Credit;

/// <summary>A refund waiting for the commit; answered with the credit after it, or null when it is not this month's to give back.</summary>
public sealed class PendingRefund(CreditRefund refund) : PendingCommand<CreditView?>
{
    public CreditRefund Refund { get; } = refund;
}
