using Kalmar.Contracts.Model;
using Kalmar.Web.Auth;
using Kalmar.Web.Features.Profile;
using Kalmar.Web.Features.Sessions;
using Kalmar.Web.Features.SignIn;
using Kalmar.Web.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kalmar.Web.Apis;

public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/auth").WithTags("Inloggning");
        api.MapPost("/login", LoginAsync).WithName("Login").WithSummary("Logga in med e-post och lösenord").RequireRateLimiting(RateLimiting.SignIn);
        // The refresh token in the body is the credential; a portal cookie riding along is not used, so no antiforgery token is asked for.
        api.MapPost("/refresh", RefreshAsync).WithName("RefreshToken").WithSummary("Förnya token med refresh-token (appen förblir inloggad)")
            .AllowAnonymous().DisableAntiforgery().RequireRateLimiting(RateLimiting.SignIn);
        api.MapPost("/logout", (Delegate)LogoutAsync).WithName("Logout").WithSummary("Logga ut: inloggningen avslutas och kakan tas bort");
        api.MapPost("/password-reset", SendResetLinkAsync).WithName("RequestPasswordReset").WithSummary("Glömt lösenord: skicka en återställningslänk")
            .RequireRateLimiting(RateLimiting.PasswordReset);
        api.MapPost("/password-reset/confirm", ResetPasswordAsync).WithName("ResetPassword").WithSummary("Sätt nytt lösenord med länkens kod")
            .RequireRateLimiting(RateLimiting.SignIn);
        api.MapPost("/email-change/confirm", ConfirmEmailChangeAsync).WithName("ConfirmEmailChange")
            .WithSummary("Bekräfta ny e-postadress med länkens kod").RequireRateLimiting(RateLimiting.SignIn);
        api.MapPost("/invitation/accept", AcceptInvitationAsync).WithName("AcceptInvitation")
            .WithSummary("Inbjudan: välj lösenord med länkens kod; svaret är inloggningen (som vid login)").RequireRateLimiting(RateLimiting.SignIn);
        return app;
    }

    public sealed record LoginRequest(string? Email, string? Password);

    public sealed record LoginResponse(string Token, string RefreshToken, long ExpiresIn, MeResponse User);

    public sealed record RefreshRequest(string? RefreshToken);

    public static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> LoginAsync(
        LoginRequest request, SignInService signIn, ProfileService profile, SessionStarter sessions, HttpContext http)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Email))
        {
            errors["email"] = ["Ange din e-postadress."];
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            errors["password"] = ["Ange ditt lösenord."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        if (await signIn.SignInAsync(request.Email!, request.Password!) is not { } signedIn
            || await profile.GetAsync(signedIn.UserId) is not { } me
            || await sessions.StartAppAsync(http, signedIn, appScope: false) is not { } issued)
        {
            return WrongCredentials();
        }

        return TypedResults.Ok(new LoginResponse(issued.Token, issued.RefreshToken, issued.ExpiresIn, me));
    }

    /// <summary>A fresh token pair while the session lasts; the refresh token is used once, a reused one ends the session.</summary>
    public static async Task<Results<Ok<IssuedTokens>, ProblemHttpResult>> RefreshAsync(RefreshRequest request, BearerTokens tokens) =>
        !string.IsNullOrEmpty(request.RefreshToken) && await tokens.RefreshAsync(request.RefreshToken) is { } issued
            ? TypedResults.Ok(issued)
            : Problems.Create(StatusCodes.Status401Unauthorized, "invalid-refresh-token", "Inloggningen har gått ut", "Logga in igen.");

    /// <summary>Ends the session the cookie or token names, so a copy of either stops working too.</summary>
    public static async Task<NoContent> LogoutAsync(HttpContext http, SessionsService sessions)
    {
        if (http.User.Identity?.IsAuthenticated == true)
        {
            await sessions.EndAsync(http.User.GetUserId(), http.User.GetSessionId(), SessionEndReasons.Logout);
        }

        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    public sealed record ResetRequest(string? Email);

    public sealed record ResetConfirmRequest(Guid UserId, string? Token, string? NewPassword, string? ConfirmPassword);

    /// <summary>Answers alike whether or not the address belongs to anyone.</summary>
    public static async Task<Results<Accepted, ProblemHttpResult>> SendResetLinkAsync(ResetRequest request, SignInService signIn)
    {
        if (string.IsNullOrWhiteSpace(request.Email))
        {
            return Problems.Invalid("email", "Ange din e-postadress.");
        }

        await signIn.SendPasswordResetAsync(request.Email);
        return TypedResults.Accepted((string?)null);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> ResetPasswordAsync(ResetConfirmRequest request, SignInService signIn)
    {
        var reset = await signIn.ResetPasswordAsync(
            request.UserId, request.Token ?? "", new PasswordChange(null, request.NewPassword, request.ConfirmPassword));
        return reset.Rejection is { } rejection ? Problems.From(rejection) : TypedResults.NoContent();
    }

    public static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> AcceptInvitationAsync(
        ResetConfirmRequest request, SignInService signIn, ProfileService profile, SessionStarter sessions, HttpContext http)
    {
        var accepted = await signIn.AcceptInvitationAsync(
            request.UserId, request.Token ?? "", new PasswordChange(null, request.NewPassword, request.ConfirmPassword));
        if (accepted.Rejection is { } rejection)
        {
            return Problems.From(rejection);
        }

        var signedIn = accepted.Value!;
        return await sessions.StartAppAsync(http, signedIn, appScope: false) is { } issued
            ? TypedResults.Ok(new LoginResponse(issued.Token, issued.RefreshToken, issued.ExpiresIn, (await profile.GetAsync(signedIn.UserId))!))
            : WrongCredentials();
    }

    public sealed record ConfirmEmailRequest(Guid UserId, string? Token);

    /// <summary>The link from the new address's e-mail: 204 and the address is the user's; it works once.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> ConfirmEmailChangeAsync(ConfirmEmailRequest request, ProfileService profile)
    {
        var confirmed = await profile.ConfirmEmailChangeAsync(request.UserId, request.Token ?? "");
        return confirmed.Rejection is { } rejection ? Problems.From(rejection) : TypedResults.NoContent();
    }

    /// <summary>The one answer for an unknown e-mail, a wrong password and a locked account alike.</summary>
    public static ProblemHttpResult WrongCredentials() => Problems.Create(
        StatusCodes.Status401Unauthorized, "invalid-credentials", "Inloggningen misslyckades",
        SignInMessages.WrongCredentials);
}
