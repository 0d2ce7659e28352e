using Microsoft.AspNetCore.Http.HttpResults;

namespace Kalmar.Web.Apis;

/// <summary>The API's Problem Details, Swedish for people and with a stable <c>type</c> for programs.</summary>
public static class Problems
{
    public static ProblemHttpResult Create(int status, string type, string title, string detail) =>
        TypedResults.Problem(type: type, title: title, detail: detail, statusCode: status);

    public static ValidationProblem Validation(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, type: "validation", title: "Uppgifterna behöver rättas", detail: "En eller flera uppgifter är felaktiga.");

    public static ProblemHttpResult NotFound(string what) =>
        Create(StatusCodes.Status404NotFound, "not-found", "Hittades inte", $"{what} finns inte.");
}
