using Kalmar.Web.Payloads;

namespace Kalmar.Web.Features.Profile;

/// <summary>
/// The signed-in user as <c>GET /api/me</c>, the Startsida and Min profil show it; <see cref="PendingEmail"/> is an
/// address asked for and not yet confirmed.
/// </summary>
public sealed record MeResponse(
    Guid Id,
    string FirstName,
    string LastName,
    string Email,
    string? Mobile,
    string? Phone,
    string? Personnummer,
    NamedRef Department,
    NamedRef Company,
    IReadOnlyList<string> Roles,
    NotifyResponse Notify,
    BusinessTravelResponse BusinessTravel,
    string? PendingEmail);
