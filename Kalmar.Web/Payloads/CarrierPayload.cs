using Kalmar.Contracts.Model;

namespace Kalmar.Web.Payloads;

/// <summary>A carrier as the API spells it: <c>{type: "app"|"card", number}</c>.</summary>
public sealed record CarrierPayload(string Type, string Number)
{
    public const string App = "app";
    public const string Card = "card";

    public static CarrierPayload Of(Carrier carrier) => new(carrier.Type == CarrierType.App ? App : Card, carrier.Number);

    /// <summary>The carrier type a request or form names, or null for anything else.</summary>
    public static CarrierType? TypeOf(string? type) => type switch
    {
        App => CarrierType.App,
        Card => CarrierType.Card,
        _ => null,
    };
}
