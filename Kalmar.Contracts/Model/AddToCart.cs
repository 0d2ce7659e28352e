namespace Kalmar.Contracts.Model;

/// <summary>
/// A ticket to put in the cart. <paramref name="CarrierNumber"/> may be empty for the app, which
/// then uses the mobile number of the traveller's profile. The start: <paramref name="StartDate"/> for a ticket that
/// starts on a day (30-, 365-dagars), <paramref name="StartTime"/> (a departure) for the others; neither means as
/// soon as possible.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kalmar.AddToCart")]
public sealed record AddToCart(
    [property: Id(0)] string JourneyId,
    [property: Id(1)] string ProductId,
    [property: Id(2)] string CategoryId,
    [property: Id(3)] CarrierType CarrierType,
    [property: Id(4)] string? CarrierNumber,
    [property: Id(5)] DateOnly? StartDate = null,
    [property: Id(6)] DateTimeOffset? StartTime = null);
