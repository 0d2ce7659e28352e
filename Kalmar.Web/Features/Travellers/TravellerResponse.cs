using Kalmar.Web.Payloads;

namespace Kalmar.Web.Features.Travellers;

/// <summary>A traveller as the admin's list shows it, with the month's credit while business travel is granted.</summary>
public sealed record TravellerResponse(
    Guid Id, string Name, string Email, NamedRef Department, IReadOnlyList<string> Roles, BusinessTravelResponse BusinessTravel,
    CreditPayload? Credit);
