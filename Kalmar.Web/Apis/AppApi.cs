using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;
using Kalmar.Web.Features.BusinessTravel;
using Kalmar.Web.Payloads;
using Kalmar.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kalmar.Web.Apis;

/// <summary>The app's business travel with AllPay: activation with the SMS code, the payment method, credit and purchases.</summary>
public static class AppApi
{
    public static IEndpointRouteBuilder MapAppApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/app").WithTags("App: tjänsteresa");
        api.MapPost("/activate", ActivateAsync).WithName("ActivateApp").WithSummary("Verifiera appen med användarnamn och engångskod från sms:et").AllowAnonymous()
            .RequireRateLimiting(RateLimiting.SignIn);
        api.MapGet("/payment-methods", ListPaymentMethodsAsync).WithName("ListPaymentMethods").WithSummary("Mina betalmedel för tjänsteresor").RequireAuthorization();
        api.MapPost("/payment-methods", AddPaymentMethodAsync).WithName("AddPaymentMethod").WithSummary("Lägg till Faktura via AllPay").RequireAuthorization();
        api.MapGet("/credit", GetCreditAsync).WithName("GetCredit").WithSummary("Kredit denna månad: gräns, använt, kvar").RequireAuthorization();
        api.MapPost("/purchases", BuyAsync).WithName("BuyBusinessTrip").WithSummary("Köp en tjänsteresa med AllPay inom krediten").RequireAuthorization();
        return app;
    }

    public sealed record ActivateRequest(string? Username, string? Code);

    public sealed record PaymentMethodRequest(string? Type);

    public sealed record PaymentMethodResponse(string Type, string Name)
    {
        public static readonly PaymentMethodResponse AllPay = new("allpay", "Faktura via AllPay");
    }

    public sealed record PurchaseRequest(
        string? ProductId, string? CategoryId, IReadOnlyList<string>? Zones, string? Purpose, string? PaymentMethod, string? IdempotencyKey);

    public sealed record PurchaseResponse(TicketPayload Ticket, CreditPayload Credit);

    public static async Task<Results<Ok<IssuedTokens>, ProblemHttpResult>> ActivateAsync(
        ActivateRequest request, BusinessTravelService businessTravel, SessionStarter sessions, HttpContext http)
    {
        if (string.IsNullOrWhiteSpace(request.Username) || string.IsNullOrWhiteSpace(request.Code))
        {
            return Problems.Invalid("code", "Ange användarnamnet och engångskoden från sms:et.");
        }

        var activated = await businessTravel.ActivateAsync(request.Username, request.Code);
        if (activated.Rejection is { } rejection)
        {
            return Problems.From(rejection);
        }

        return await sessions.StartAppAsync(http, activated.Value!, appScope: true) is { } issued
            ? TypedResults.Ok(issued)
            : Problems.From(BusinessTravelService.NotActive);
    }

    /// <summary>AllPay once it is added; nothing else is offered for business trips.</summary>
    public static async Task<Ok<PaymentMethodResponse[]>> ListPaymentMethodsAsync(HttpContext http, BusinessTravelService businessTravel) =>
        TypedResults.Ok(await businessTravel.HasAllPayAsync(http.User.GetUserId()) ? [PaymentMethodResponse.AllPay] : Array.Empty<PaymentMethodResponse>());

    /// <summary>Answers the added method as <see cref="ListPaymentMethodsAsync"/> lists it.</summary>
    public static async Task<Results<Created<PaymentMethodResponse>, ProblemHttpResult>> AddPaymentMethodAsync(
        PaymentMethodRequest request, HttpContext http, BusinessTravelService businessTravel)
    {
        if (request.Type != "allpay")
        {
            return Problems.Invalid("type", "Det enda betalmedlet för tjänsteresor är Faktura via AllPay (type \"allpay\").");
        }

        var added = await businessTravel.AddAllPayAsync(http.User.GetUserId());
        return added.Rejection is { } rejection ? Problems.From(rejection) : TypedResults.Created("/api/app/payment-methods", PaymentMethodResponse.AllPay);
    }

    public static async Task<Ok<CreditPayload>> GetCreditAsync(HttpContext http, BusinessTravelService businessTravel) =>
        TypedResults.Ok(CreditPayload.Of(await businessTravel.CreditAsync(http.User.GetUserId())));

    public static async Task<Results<Created<PurchaseResponse>, ProblemHttpResult>> BuyAsync(PurchaseRequest request, HttpContext http, BusinessTravelService businessTravel)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.IdempotencyKey is not { Length: > 0 and <= 100 })
        {
            errors["idempotencyKey"] = ["Ange en idempotensnyckel (1–100 tecken)."];
        }

        if (request.PaymentMethod != "allpay")
        {
            errors["paymentMethod"] = ["Betala tjänsteresor med Faktura via AllPay (\"allpay\")."];
        }

        if (string.IsNullOrWhiteSpace(request.ProductId) || string.IsNullOrWhiteSpace(request.CategoryId))
        {
            errors["productId"] = ["Välj biljettyp och resenärskategori."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var bought = await businessTravel.BuyAsync(http.User.GetUserId(), new BusinessTripPurchase(
            request.IdempotencyKey!, request.ProductId!, request.CategoryId!, request.Zones ?? [], request.Purpose));
        return bought.Rejection is { } rejection
            ? Problems.From(rejection)
            : TypedResults.Created($"/api/me/tickets", new PurchaseResponse(TicketPayload.Of(bought.Value!.Ticket), CreditPayload.Of(bought.Value.Credit)));
    }
}
