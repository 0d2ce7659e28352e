using Kalmar.Contracts.Model;

namespace Kalmar.Grains.Credit;

public sealed class PendingLimit(bool enabled, long monthlyLimitOre) : PendingCommand<CreditView>
{
    public bool Enabled { get; } = enabled;

    public long MonthlyLimitOre { get; } = monthlyLimitOre;
}
