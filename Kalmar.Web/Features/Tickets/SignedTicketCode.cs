namespace Kalmar.Web.Features.Tickets;

/// <summary>A payload read by <see cref="TicketCodeLayout.TryRead"/>: what it says, the key it names, and the bytes its signature covers.</summary>
public sealed record SignedTicketCode(string Kid, TicketCodeContent Content, ReadOnlyMemory<byte> SignedBytes, ReadOnlyMemory<byte> Signature);
