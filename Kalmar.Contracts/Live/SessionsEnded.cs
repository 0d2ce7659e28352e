namespace Kalmar.Contracts.Live;

/// <summary>
/// Sessions of the user ended: the web nodes tell, then close, those sessions' hub connections (every connection of
/// the user when <see cref="SessionIds"/> is null). <see cref="Reason"/> is one of <c>SessionEndReasons</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("Kalmar.SessionsEnded")]
public sealed record SessionsEnded([property: Id(0)] IReadOnlyList<Guid>? SessionIds, [property: Id(1)] string Reason) : LiveUpdate;
