using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Model;

namespace Kalmar.Grains.Users;

/// <summary>Checks a whole Min profil form at once, so every wrong field gets its message and nothing is saved.</summary>
internal static class ProfileValidation
{
    public static (UserProfile? Profile, Dictionary<string, string[]> Errors) Apply(UserProfile current, ProfileUpdate update, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        var firstName = Required(update.FirstName, "firstName", "Ange ditt förnamn.", errors);
        var lastName = Required(update.LastName, "lastName", "Ange ditt efternamn.", errors);
        string? personnummer = null;
        if (!string.IsNullOrWhiteSpace(update.Personnummer))
        {
            if (Kalmar.Contracts.Domain.Personnummer.TryParse(update.Personnummer, today, out var parsed, out var error))
            {
                personnummer = parsed.Value;
            }
            else
            {
                errors["personnummer"] = [error];
            }
        }

        if (!EmailAddress.TryParse(update.Email, out var email, out var emailError))
        {
            errors["email"] = [emailError];
        }

        string? mobile = null;
        if (!string.IsNullOrWhiteSpace(update.Mobile))
        {
            if (SwedishMobile.TryParse(update.Mobile, out var parsed, out var error))
            {
                mobile = parsed.E164;
            }
            else
            {
                errors["mobile"] = [error];
            }
        }

        string? phone = null;
        if (!string.IsNullOrWhiteSpace(update.Phone) && !PhoneNumber.TryParse(update.Phone, out phone, out var phoneError))
        {
            errors["phone"] = [phoneError];
        }

        if (update.Notify.Sms && mobile is null && !errors.ContainsKey("mobile"))
        {
            errors["mobile"] = ["Ange ett mobilnummer för att få sms."];
        }

        return errors.Count > 0
            ? (null, errors)
            : (current with
            {
                FirstName = firstName!, LastName = lastName!, Personnummer = personnummer, Email = email!.Value,
                Mobile = mobile, Phone = phone, Notify = update.Notify,
            }, errors);
    }

    private static string? Required(string? value, string field, string message, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > 100)
        {
            errors[field] = [message];
            return null;
        }

        return value.Trim();
    }
}
