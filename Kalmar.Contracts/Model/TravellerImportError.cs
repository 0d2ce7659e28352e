namespace Kalmar.Contracts.Model;

/// <summary>A problem with one line of an import file: the column's header (null for the whole row) and a Swedish message.</summary>
[GenerateSerializer, Immutable, Alias("Kalmar.TravellerImportError")]
public sealed record TravellerImportError(
    [property: Id(0)] int Line,
    [property: Id(1)] string? Column,
    [property: Id(2)] string Message);
