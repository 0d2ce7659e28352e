using Kalmar.Contracts.Model;

namespace Kalmar.Web.Features.Travellers;

/// <summary>A saved grant, and whether it stood before: a standing grant gets only a new limit, a new one an SMS.</summary>
public sealed record BusinessTravelChange(BusinessTravelStatus Status, bool WasGranted);
