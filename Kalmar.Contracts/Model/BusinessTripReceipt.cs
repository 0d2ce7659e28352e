namespace Kalmar.Contracts.Model;

[GenerateSerializer, Immutable, Alias("Kalmar.BusinessTripReceipt")]
public sealed record BusinessTripReceipt([property: Id(0)] Ticket Ticket, [property: Id(1)] CreditView Credit);
