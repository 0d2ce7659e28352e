using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Model;
using Kalmar.Web.Pages.Biljetter;

namespace Kalmar.Web.Pages.Operator;

/// <summary>A customer company's fields as the operator types them; the credit in kronor, the company grain checks the rest.</summary>
public sealed class CompanyForm
{
    public string? Name { get; set; }

    public string? OrgNumber { get; set; }

    public string? InvoiceEmail { get; set; }

    public string? Street { get; set; }

    public string? PostalCode { get; set; }

    public string? City { get; set; }

    public bool StaffOfferAvailable { get; set; } = true;

    public string? MaxMonthlyLimit { get; set; }

    public string PayrollDeduction { get; set; } = PayrollDeductions.Gross;

    public static CompanyForm From(CompanyInfo company) => new()
    {
        Name = company.Name,
        OrgNumber = company.OrgNumber,
        InvoiceEmail = company.InvoiceEmail,
        Street = company.InvoiceAddress.Street,
        PostalCode = company.InvoiceAddress.PostalCode,
        City = company.InvoiceAddress.City,
        StaffOfferAvailable = company.StaffOfferAvailable,
        MaxMonthlyLimit = Money.ToNumber(company.MaxMonthlyLimitOre),
        PayrollDeduction = company.PayrollDeduction,
    };

    /// <summary>The fields for the grain; an amount that is no amount in kronor is reported here and sent as missing.</summary>
    public CompanyFields ToFields(FormErrors errors)
    {
        long? maxMonthlyLimitOre = null;
        if (Kronor.TryParseOre(MaxMonthlyLimit, out var ore))
        {
            maxMonthlyLimitOre = ore;
        }
        else
        {
            errors.Add(CompanyFieldIds.For("maxMonthlyLimitOre"), "Ange den högsta månadskrediten i kronor, t.ex. 1 500 eller 1 500,50.");
        }

        return new CompanyFields(
            Name ?? "", OrgNumber ?? "", InvoiceEmail ?? "", new PostalAddress(Street ?? "", PostalCode ?? "", City ?? ""),
            StaffOfferAvailable, maxMonthlyLimitOre, PayrollDeduction);
    }
}
