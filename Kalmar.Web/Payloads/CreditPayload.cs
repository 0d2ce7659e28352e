using Kalmar.Contracts.Model;

namespace Kalmar.Web.Payloads;

/// <summary>
/// A traveller's credit this month as <c>GET /api/app/credit</c> and the <c>creditChanged</c> event send it;
/// <see cref="Enabled"/> says whether business travel is granted, so an open app can show or hide it.
/// </summary>
public sealed record CreditPayload(string Month, bool Enabled, long LimitOre, long UsedOre, long RemainingOre)
{
    public static CreditPayload Of(CreditView credit) => new(credit.Month, credit.Enabled, credit.LimitOre, credit.UsedOre, credit.RemainingOre);
}
