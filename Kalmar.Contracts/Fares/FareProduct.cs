using Kalmar.Contracts.Domain;

namespace Kalmar.Contracts.Fares;

/// <summary>
/// A ticket type; from <see cref="MaxZones"/> zones on it is valid in the whole county. A ticket that
/// <see cref="StartsOnDay"/> (30-, 365-dagars) starts on a day the traveller picks and runs whole Stockholm days;
/// the others (Enkel, 24-timmars) start at a departure and run <see cref="ValidityMinutes"/> minutes.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kalmar.FareProduct")]
public sealed record FareProduct(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] int ValidityMinutes,
    [property: Id(3)] int MaxZones,
    [property: Id(4)] bool StartsOnDay = false)
{
    public const int MinutesPerDay = 24 * 60;

    /// <summary>
    /// When a ticket valid from <paramref name="from"/> ends: whole days count on Stockholm's calendar, so a
    /// 30-dagars from local midnight ends at local midnight 30 days on, summer time or not.
    /// </summary>
    public DateTimeOffset ValidTo(DateTimeOffset from) => StartsOnDay
        ? Stockholm.AddDays(from, ValidityMinutes / MinutesPerDay)
        : from.AddMinutes(ValidityMinutes);
}
