using Kalmar.Web.Features.Invoices;

namespace Kalmar.Web.Features.Receipts;

/// <summary>What a receipt says a purchase was and how it was paid.</summary>
public static class PurchaseKinds
{
    public static string Describe(string kind) => InvoiceKinds.Describe(kind);

    public static string Payment(string kind) =>
        kind == InvoiceKinds.StaffOffer ? "Personalerbjudande, faktureras arbetsgivaren" : "Faktura via AllPay";
}
