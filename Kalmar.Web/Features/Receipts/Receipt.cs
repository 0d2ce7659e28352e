namespace Kalmar.Web.Features.Receipts;

/// <summary>A purchase with its buyer, as the receipt names them: the traveller and the company they bought for.</summary>
public sealed record Receipt(Purchase Purchase, string Buyer, string Company, string? CompanyOrgNumber);
