namespace Kalmar.Grains.Transit;

/// <summary>What a journey id says about one leg: the trip and the stop_sequence of boarding and alighting.</summary>
internal readonly record struct JourneyLegRef(string TripId, int FromSequence, int ToSequence);
