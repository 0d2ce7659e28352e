using Kalmar.Web.Pages.Biljetter;

namespace Kalmar.Web.Pages;

/// <summary>
/// What <c>_PasswordLinkForm</c> shows: the password fields with their messages, the link's user and code sent along
/// hidden, and the words each page chooses.
/// </summary>
public sealed record PasswordLinkForm(string? UserKey, string? Token, FormErrors Errors, string PasswordLabel, string ConfirmLabel, string Submit);
