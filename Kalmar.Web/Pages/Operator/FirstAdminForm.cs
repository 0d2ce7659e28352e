using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Model;
using Kalmar.Web.Pages.Biljetter;

namespace Kalmar.Web.Pages.Operator;

/// <summary>The new company's first company admin, who is invited by e-mail.</summary>
public sealed class FirstAdminForm
{
    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? Email { get; set; }

    public string? Mobile { get; set; }

    /// <summary>
    /// Checked before anything is written: the grain creates the company first and invites the admin after, so an admin
    /// refused only then would leave a company without one. (An address in use is still only found then.)
    /// </summary>
    public bool Check(FormErrors errors)
    {
        var before = errors.Count;
        if (string.IsNullOrWhiteSpace(FirstName))
        {
            errors.Add("admin-firstName", "Ange förnamnet.");
        }

        if (string.IsNullOrWhiteSpace(LastName))
        {
            errors.Add("admin-lastName", "Ange efternamnet.");
        }

        if (!EmailAddress.TryParse(Email, out _, out var emailError))
        {
            errors.Add("admin-email", emailError);
        }

        if (!SwedishMobile.TryParse(Mobile, out _, out var mobileError))
        {
            errors.Add("admin-mobile", mobileError);
        }

        return errors.Count == before;
    }

    public TravellerFields ToFields() => new(FirstName, LastName, Email, Mobile, Guid.Empty, null);
}
