using Kalmar.Contracts.Model;

namespace Kalmar.Contracts.Live;

/// <summary>An admin blocked or recalled one of the traveller's tickets; it carries its new status.</summary>
[GenerateSerializer, Immutable, Alias("Kalmar.TicketChanged")]
public sealed record TicketChanged([property: Id(0)] Ticket Ticket) : LiveUpdate;
