namespace Kalmar.Grains.Transit;

/// <summary>A leg while planning: positions within the trip's stop arrays.</summary>
internal readonly record struct PlannedLeg(int Trip, int Board, int Alight);
