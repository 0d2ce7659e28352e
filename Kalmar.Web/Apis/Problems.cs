using Kalmar.Contracts.Model;
using Kalmar.Web.Features.SignIn;
using Kalmar.Web.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kalmar.Web.Apis;

/// <summary>The API's Problem Details, Swedish for people and with a stable <c>type</c> for programs.</summary>
public static class Problems
{
    public static ProblemHttpResult Create(int status, string type, string title, string detail) =>
        TypedResults.Problem(type: type, title: title, detail: detail, statusCode: status);

    /// <summary>A field-by-field validation problem, as a <see cref="ProblemHttpResult"/> so handlers need one error type.</summary>
    public static ProblemHttpResult Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Type = Rejection.ValidationCode,
            Title = "Uppgifterna behöver rättas",
            Detail = errors.Values.SelectMany(messages => messages).FirstOrDefault() ?? "En eller flera uppgifter är felaktiga.",
            Status = StatusCodes.Status400BadRequest,
        });

    public static ProblemHttpResult Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>What a grain's rejection means over HTTP.</summary>
    public static ProblemHttpResult From(Rejection rejection) => rejection.Code switch
    {
        Rejection.ValidationCode => Invalid(new Dictionary<string, string[]>(rejection.FieldErrors)),
        RejectionCodes.NotFound => Create(StatusCodes.Status404NotFound, rejection.Code, "Hittades inte", rejection.Message),
        RejectionCodes.StaffOfferNotAvailable => Create(StatusCodes.Status403Forbidden, rejection.Code, "Personalerbjudandet är inte tillgängligt", rejection.Message),
        RejectionCodes.OwnOrder or RejectionCodes.OwnCredit => Create(StatusCodes.Status403Forbidden, rejection.Code, "Inte för dig själv", rejection.Message),
        RejectionCodes.AlreadyDecided => Create(StatusCodes.Status409Conflict, rejection.Code, "Redan beslutad", rejection.Message),
        RejectionCodes.OwnAccount => Create(StatusCodes.Status403Forbidden, rejection.Code, "Inte för dig själv", rejection.Message),
        RejectionCodes.EmailInUse or RejectionCodes.OrgNumberInUse or RejectionCodes.DepartmentExists
            => Create(StatusCodes.Status409Conflict, rejection.Code, "Finns redan", rejection.Message),
        RejectionCodes.DepartmentNotEmpty or RejectionCodes.LastAdmin => Create(StatusCodes.Status409Conflict, rejection.Code, "Går inte just nu", rejection.Message),
        RejectionCodes.InvalidLink => Create(StatusCodes.Status400BadRequest, rejection.Code, "Länken gäller inte", rejection.Message),
        SignInService.InvalidResetLinkCode => Create(StatusCodes.Status400BadRequest, rejection.Code, "Länken gäller inte", rejection.Message),
        RejectionCodes.InvalidCode => Create(StatusCodes.Status401Unauthorized, rejection.Code, "Aktiveringen misslyckades", rejection.Message),
        RejectionCodes.TooManyAttempts => Create(StatusCodes.Status429TooManyRequests, rejection.Code, "För många försök", rejection.Message),
        RejectionCodes.BusinessTravelNotGranted or RejectionCodes.AllPayNotAdded => Create(StatusCodes.Status403Forbidden, rejection.Code, "Tjänsteresa inte tillgänglig", rejection.Message),
        RejectionCodes.InsufficientCredit => Create(StatusCodes.Status409Conflict, rejection.Code, "Krediten räcker inte", rejection.Message),
        RejectionCodes.TicketInUse => Create(StatusCodes.Status409Conflict, rejection.Code, "Biljetten har börjat gälla", rejection.Message),
        RejectionCodes.TicketRecalled or RejectionCodes.TicketExpired
            => Create(StatusCodes.Status409Conflict, rejection.Code, "Biljetten kan inte spärras", rejection.Message),
        _ => Create(StatusCodes.Status400BadRequest, rejection.Code, "Det gick inte", rejection.Message),
    };

    public static ProblemHttpResult NotFound(string what) => From(Rejections.NotFound(what));
}
