using Kalmar.Contracts.Model;

namespace Kalmar.Web.Payloads;

/// <summary>The grant, and whether the traveller has added AllPay in the app.</summary>
public sealed record BusinessTravelResponse(bool Enabled, long MonthlyLimitOre, bool AllPayAdded)
{
    public static BusinessTravelResponse Of(BusinessTravelStatus status) => new(status.Enabled, status.MonthlyLimitOre, status.AllPayAdded);
}
