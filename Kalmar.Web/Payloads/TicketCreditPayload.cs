namespace Kalmar.Web.Payloads;

/// <summary>
/// What a recall gave back (positive amounts): to <c>credit-account</c>, the traveller's business-travel credit of
/// <see cref="Month"/>, or to <c>invoice</c>, a credit line on the company's invoice of <see cref="Month"/>.
/// </summary>
public sealed record TicketCreditPayload(string To, string Month, long AmountExclVatOre, long VatOre, long TotalOre);
