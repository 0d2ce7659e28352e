namespace Kalmar.Contracts.Model;

/// <summary>A ticket and the traveller who holds it, so that an admin's scope can be checked before it is changed.</summary>
[GenerateSerializer, Immutable, Alias("Kalmar.HeldTicket")]
public sealed record HeldTicket(
    [property: Id(0)] Ticket Ticket,
    [property: Id(1)] Guid TravellerId);
