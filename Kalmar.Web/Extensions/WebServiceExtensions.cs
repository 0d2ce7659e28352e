using System.Text.Encodings.Web;
using System.Text.Unicode;
using Kalmar.Contracts.Hosting;
using Kalmar.Web.Apis;
using Kalmar.Web.Auth;
using Kalmar.Web.Features.Tickets;
using Kalmar.Web.Infrastructure;
using Kalmar.Web.Security;
using Microsoft.Extensions.WebEncoders;
using Npgsql;

namespace Kalmar.Web.Extensions;

public static class WebServiceExtensions
{
    public const string ReadyTag = "ready";

    /// <summary>The web node's own services: database, shared keys, sign-in, pages, hub, health, OpenAPI.</summary>
    public static WebApplicationBuilder AddKalmarWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Bounded input: no request body over 1 MB (the traveller import allows its 5 MB file on its own routes).
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 1024 * 1024);
        services.AddSingleton(_ => NpgsqlDataSource.Create(builder.Configuration.GetKalmarConnectionString()));
        builder.AddKalmarDataProtection();
        services.AddSingleton(TimeProvider.System);
        services.AddKeyedSingleton(TicketClock.Key, TimeProvider.System);
        services.AddKalmarAuth();
        services.AddKalmarRateLimits(builder.Configuration);
        services.AddSingleton<TravellerLedger>();
        services.AddKalmarFeatures();
        services.AddOptions<TicketKeyOptions>().Bind(builder.Configuration.GetSection(TicketKeyOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddAntiforgery(options => options.HeaderName = "RequestVerificationToken");
        services.AddProblemDetails(options => options.CustomizeProblemDetails = SwedishProblemDetails.Customize);
        services.AddExceptionHandler<OutcomeUnknownHandler>();
        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/");
            options.Conventions.AllowAnonymousToPage("/Login");
            // The app links to them before and while its user accepts the terms, without the portal's cookie.
            options.Conventions.AllowAnonymousToPage("/Integritetspolicy");
            options.Conventions.AllowAnonymousToPage("/AllmannaVillkor");
            // The invited user has no password yet; the link's single-use code is the credential.
            options.Conventions.AllowAnonymousToPage("/Inbjudan");
            options.Conventions.AuthorizeFolder("/Admin", AdminScope.Policy);
            options.Conventions.AuthorizePage("/Admin/Avdelningar", AdminScope.CompanyPolicy);
            options.Conventions.AuthorizeFolder("/Operator", AuthExtensions.OperatorPolicy);
            options.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.TypeFilterAttribute(typeof(TermsAcceptanceFilter)));
        });
        services.AddSignalR();
        // Write å, ä and ö as themselves in pages, not as character references.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddOpenApi();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<ClusterHealthCheck>("cluster", tags: [ReadyTag])
            .AddCheck<ReconciliationHealthCheck>("reconciliation", tags: [ReadyTag])
            .AddCheck<OutboxHealthCheck>("outbox", tags: [ReadyTag]);
        return builder;
    }
}
