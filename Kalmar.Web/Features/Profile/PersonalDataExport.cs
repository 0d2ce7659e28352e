using Kalmar.Contracts.Model;
using Kalmar.Web.Infrastructure;
using Kalmar.Web.Payloads;

namespace Kalmar.Web.Features.Profile;

/// <summary>Everything the system holds about a user (GDPR art. 15 and 20), as one JSON document.</summary>
public sealed record PersonalDataExport(
    DateTimeOffset ExportedAt,
    MeResponse Profile,
    TermsAcceptance? TermsAccepted,
    IReadOnlyList<OrderPayload> Orders,
    IReadOnlyList<TicketPayload> Tickets,
    IReadOnlyList<TravellerLedger.Purchase> BusinessTripPurchases);
