using System.Globalization;
using System.Threading.RateLimiting;
using Kalmar.Web.Apis;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Kalmar.Web.Security;

/// <summary>
/// The framework's rate limiter with the portal's policies (<see cref="RateLimitOptions"/>). A refused request is
/// 429 with <c>Retry-After</c> and Swedish Problem Details (a page gets the Swedish error page), and changes nothing.
/// </summary>
public static class RateLimiting
{
    public const string SignIn = "sign-in";
    public const string PasswordReset = "password-reset";
    public const string MessagesToRecipient = "messages-to-recipient";

    public static IServiceCollection AddKalmarRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        return services.AddRateLimiter(options =>
        {
            options.AddPolicy(SignIn, context => Window(ClientAddress(context), Limits(context).SignInPerMinute, TimeSpan.FromMinutes(1)));
            options.AddPolicy(PasswordReset, context => Window(ClientAddress(context), Limits(context).PasswordResetPerHour, TimeSpan.FromHours(1)));
            options.AddPolicy(MessagesToRecipient, context => Window(
                $"{context.Request.Path}", Limits(context).MessagesPerRecipientPerHour, TimeSpan.FromHours(1)));
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Request.Path.StartsWithSegments("/api")
                    ? Window(context.User.Identity?.IsAuthenticated == true ? $"user:{context.User.GetUserIdOrNull()}" : ClientAddress(context),
                        Limits(context).ApiPerMinute, TimeSpan.FromMinutes(1))
                    : RateLimitPartition.GetNoLimiter("pages"));
            options.OnRejected = RejectAsync;
        });
    }

    private static RateLimitPartition<string> Window(string key, int permits, TimeSpan window) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true,
        });

    private static RateLimitOptions Limits(HttpContext context) => context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;

    private static string ClientAddress(HttpContext context) => $"ip:{context.Connection.RemoteIpAddress}";

    private static string? GetUserIdOrNull(this System.Security.Claims.ClaimsPrincipal user) =>
        user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var response = rejected.HttpContext.Response;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        if (rejected.HttpContext.Request.Path.StartsWithSegments("/api"))
        {
            await Problems.Create(StatusCodes.Status429TooManyRequests, "too-many-requests", "För många försök",
                    $"Vänta {Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))} minut(er) och försök igen.")
                .ExecuteAsync(rejected.HttpContext);
        }
    }
}
