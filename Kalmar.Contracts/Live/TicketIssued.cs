using Kalmar.Contracts.Model;

namespace Kalmar.Contracts.Live;

/// <summary>A ticket was issued to the traveller.</summary>
[GenerateSerializer, Immutable, Alias("Kalmar.TicketIssued")]
public sealed record TicketIssued([property: Id(0)] Ticket Ticket) : LiveUpdate;
