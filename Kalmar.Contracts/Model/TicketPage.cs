namespace Kalmar.Contracts.Model;

/// <summary>A page of one <see cref="TicketGroup"/> of a traveller's tickets, with how many the group holds in all.</summary>
[GenerateSerializer, Immutable, Alias("Kalmar.TicketPage")]
public sealed record TicketPage(
    [property: Id(0)] TicketGroup Group,
    [property: Id(1)] IReadOnlyList<Ticket> Items,
    [property: Id(2)] int Total);
