using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kalmar.Web.Pages;

/// <summary>The portal's error page for status codes without a body of their own (404, 403, 429, 500).</summary>
[AllowAnonymous]
public sealed class FelModel : PageModel
{
    public string Title { get; private set; } = "";

    public string Text { get; private set; } = "";

    public void OnGet(int status) => (Title, Text) = status switch
    {
        StatusCodes.Status403Forbidden => ("Åtkomst nekad", "Du har inte behörighet till den här sidan."),
        StatusCodes.Status404NotFound => ("Sidan finns inte", "Sidan du söker finns inte eller har flyttats."),
        StatusCodes.Status429TooManyRequests => ("För många försök", "Du har försökt för många gånger på kort tid. Vänta en stund och försök igen."),
        _ => ("Något gick fel", "Ett oväntat fel uppstod. Försök igen om en stund."),
    };
}
