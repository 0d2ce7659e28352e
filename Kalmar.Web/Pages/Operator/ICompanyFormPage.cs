using Kalmar.Web.Pages.Biljetter;

namespace Kalmar.Web.Pages.Operator;

/// <summary>A page with the company's fields (<c>_CompanyFields</c>): new customer and edit customer.</summary>
public interface ICompanyFormPage
{
    CompanyForm Company { get; }

    FormErrors Errors { get; }
}
