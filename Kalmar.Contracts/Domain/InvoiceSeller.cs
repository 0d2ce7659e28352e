namespace Kalmar.Contracts.Domain;

/// <summary>Who invoices the companies: Kalmar länstrafik, a part of Region Kalmar län, under the region's organisation number.</summary>
public static class InvoiceSeller
{
    public const string Name = "Kalmar länstrafik";

    public const string LegalName = "Region Kalmar län";

    public const string OrgNumber = "232100-0099";

    /// <summary>Days from the issue date to the due date.</summary>
    public const int PaymentTermDays = 30;
}
