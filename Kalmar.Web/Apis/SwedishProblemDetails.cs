namespace Kalmar.Web.Apis;

/// <summary>
/// Gives the framework's own problems (unreadable JSON, unknown route, server error) a Swedish
/// title and detail like ours; problems we write ourselves keep theirs.
/// </summary>
public static class SwedishProblemDetails
{
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (context.Exception is BadHttpRequestException)
        {
            problem.Type = "bad-request";
            problem.Detail = "Förfrågan kunde inte läsas. Kontrollera att innehållet är giltig JSON med rätt fält.";
        }

        (problem.Title, var detail) = problem.Status switch
        {
            StatusCodes.Status400BadRequest when problem.Title is null or "Bad Request" => ("Felaktig förfrågan", "Förfrågan kunde inte läsas."),
            StatusCodes.Status401Unauthorized when problem.Title is null or "Unauthorized" => ("Inte inloggad", "Logga in och försök igen."),
            StatusCodes.Status403Forbidden when problem.Title is null or "Forbidden" => ("Åtkomst nekad", "Du har inte behörighet till det här."),
            StatusCodes.Status404NotFound when problem.Title is null or "Not Found" => ("Hittades inte", "Det du söker finns inte."),
            StatusCodes.Status500InternalServerError when problem.Title is null or "An error occurred while processing your request." =>
                ("Något gick fel", "Ett oväntat fel uppstod. Försök igen om en stund."),
            _ => (problem.Title, problem.Detail),
        };
        problem.Detail ??= detail;
    }
}
