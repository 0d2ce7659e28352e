using Kalmar.Contracts.Domain;

namespace Kalmar.Grains.Tickets;

/// <summary>
/// The invoice line a ticket was bought on (its staff-offer line, or its business trip's charge): what a recall credits,
/// to whom, and in which month it was bought.
/// </summary>
public sealed record TicketPurchase(Guid LineId, Guid CompanyId, Guid DepartmentId, string Month, string Product, string? Purpose, PriceBreakdown Price);
