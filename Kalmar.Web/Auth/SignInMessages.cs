namespace Kalmar.Web.Auth;

public static class SignInMessages
{
    /// <summary>Says nothing of whether the address exists or the account is locked.</summary>
    public const string WrongCredentials =
        "Fel e-postadress eller lösenord. Efter flera misslyckade försök spärras kontot en stund.";
}
