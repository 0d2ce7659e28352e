namespace Kalmar.Contracts.Model;

/// <summary>The API's, the forms' and the tickets table's spelling of <see cref="CarrierType"/>.</summary>
public static class CarrierTypeNames
{
    public const string App = "app";
    public const string Card = "card";

    public static string ToName(this CarrierType type) => type switch
    {
        CarrierType.App => App,
        CarrierType.Card => Card,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>The carrier type a request, form or row names, or null for anything else.</summary>
    public static CarrierType? Parse(string? name) => name switch
    {
        App => CarrierType.App,
        Card => CarrierType.Card,
        _ => null,
    };
}
