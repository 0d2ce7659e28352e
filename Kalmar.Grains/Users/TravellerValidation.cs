using Kalmar.Contracts.Domain;
using Kalmar.Contracts.Model;

namespace Kalmar.Grains.Users;

/// <summary>Checks what an admin types about a traveller, every field at once, and normalises it.</summary>
internal static class TravellerValidation
{
    public const int MaxNameLength = 100;
    public const int MaxEmployeeNumberLength = 50;

    public static Rejection? Check(TravellerFields fields, out TravellerFields normalised)
    {
        var errors = new Dictionary<string, string[]>();
        var firstName = Name(fields.FirstName, "firstName", "Ange förnamnet.", errors);
        var lastName = Name(fields.LastName, "lastName", "Ange efternamnet.", errors);
        var email = EmailAddress.TryParse(fields.Email, out var parsed, out var emailError) ? parsed.Value : Error(errors, "email", emailError);
        var mobile = Mobile(fields.Mobile, errors);
        var employeeNumber = EmployeeNumber(fields.EmployeeNumber, errors);
        normalised = new TravellerFields(firstName, lastName, email, mobile, fields.DepartmentId, employeeNumber);
        return Rejected(errors);
    }

    public static Rejection? Check(TravellerEdit edit, out TravellerEdit normalised)
    {
        var errors = new Dictionary<string, string[]>();
        normalised = new TravellerEdit(
            edit.FirstName is null ? null : Name(edit.FirstName, "firstName", "Ange förnamnet.", errors),
            edit.LastName is null ? null : Name(edit.LastName, "lastName", "Ange efternamnet.", errors),
            edit.Mobile is null ? null : Mobile(edit.Mobile, errors),
            edit.DepartmentId,
            edit.EmployeeNumber is null ? null : EmployeeNumber(edit.EmployeeNumber, errors) ?? "");
        return Rejected(errors);
    }

    private static Rejection? Rejected(Dictionary<string, string[]> errors) =>
        errors.Count == 0 ? null : new Rejection(Rejection.ValidationCode, errors.Values.First()[0], errors);

    private static string? Name(string? value, string field, string missing, Dictionary<string, string[]> errors) =>
        string.IsNullOrWhiteSpace(value) ? Error(errors, field, missing)
        : value.Trim().Length > MaxNameLength ? Error(errors, field, $"Skriv högst {MaxNameLength} tecken.")
        : value.Trim();

    private static string? Mobile(string? value, Dictionary<string, string[]> errors) =>
        SwedishMobile.TryParse(value, out var mobile, out var error) ? mobile.E164 : Error(errors, "mobile", error);

    private static string? EmployeeNumber(string? value, Dictionary<string, string[]> errors) =>
        string.IsNullOrWhiteSpace(value) ? null
        : value.Trim().Length > MaxEmployeeNumberLength ? Error(errors, "employeeNumber", $"Anställningsnumret får ha högst {MaxEmployeeNumberLength} tecken.")
        : value.Trim();

    private static string? Error(Dictionary<string, string[]> errors, string field, string message)
    {
        errors[field] = [message];
        return null;
    }
}
