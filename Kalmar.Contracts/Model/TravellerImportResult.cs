namespace Kalmar.Contracts.Model;

/// <summary>
/// What an import did, or (a dry run, or a file with errors) would do: travellers created, updated and left as they
/// were. With any error, nothing was written.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kalmar.TravellerImportResult")]
public sealed record TravellerImportResult(
    [property: Id(0)] int Created,
    [property: Id(1)] int Updated,
    [property: Id(2)] int Unchanged,
    [property: Id(3)] IReadOnlyList<TravellerImportError> Errors);
