namespace Kalmar.Web.Features.Invoices;

/// <summary>The kinds of invoice line, and what a Swede reading the invoice calls them.</summary>
public static class InvoiceKinds
{
    public const string StaffOffer = "staff-offer";
    public const string BusinessTrip = "business-trip";
    public const string Credit = "credit";

    public static string Describe(string kind) => kind switch
    {
        StaffOffer => "Personalerbjudande",
        BusinessTrip => "Tjänsteresa",
        Credit => "Kreditering",
        _ => kind,
    };
}
