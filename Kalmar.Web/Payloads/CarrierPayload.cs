using Kalmar.Contracts.Model;

namespace Kalmar.Web.Payloads;

/// <summary>A carrier as the API spells it: <c>{type: "app"|"card", number}</c>.</summary>
public sealed record CarrierPayload(string Type, string Number)
{
    public static CarrierPayload Of(Carrier carrier) => new(carrier.Type.ToName(), carrier.Number);
}
