namespace Kalmar.Web.Pages.Operator;

/// <summary>The grain names a field <c>invoiceAddress.street</c>; the form's element for it has the id <c>invoiceAddress-street</c>.</summary>
public static class CompanyFieldIds
{
    public static string For(string field) => field.Replace('.', '-');
}
