namespace Kalmar.Web.Features.Transit;

/// <summary>A search as the ordering form writes it: stops by name as typed, date, time, and maybe a chosen departure.</summary>
public sealed record JourneyQuery(string? From, string? To, string? Date, string? Time, string? JourneyId);
