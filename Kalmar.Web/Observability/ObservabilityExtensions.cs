using Kalmar.Contracts.Hosting;
using Kalmar.Web.Auth;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Dashboard;

namespace Kalmar.Web.Observability;

public static class ObservabilityExtensions
{
    /// <summary>Operators' Prometheus text of this node's metrics.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>The Orleans dashboard, for operators.</summary>
    public const string DashboardPath = "/operator/dashboard";

    /// <summary>
    /// What the web node tells operations: traces from the HTTP request through the grain calls (Orleans' activity
    /// propagation, configured with the cluster client) to PostgreSQL; our meters with ASP.NET Core's, Orleans' and the
    /// runtime's; logs with the trace id. Exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set and always
    /// readable at <see cref="MetricsPath"/>; the backlog gauges are read by <see cref="BacklogProbe"/>.
    /// </summary>
    public static WebApplicationBuilder AddKalmarObservability(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<KalmarMetrics>();
        services.AddSingleton<BacklogReader>();
        services.AddHostedService<BacklogProbe>();
        // One JSON object a line, with the trace and span id among its scopes: a log line leads to its trace.
        builder.Logging.Configure(options => options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        builder.Logging.AddJsonConsole(options => (options.IncludeScopes, options.UseUtcTimestamp, options.TimestampFormat) = (true, true, "O"));
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("kalmar-web"))
            .WithTracing(tracing => tracing
                // Probes and scrapes every few seconds would bury the requests people make.
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsOperationsPath(context.Request.Path))
                .AddSource(Telemetry.OrleansSources)
                .AddNpgsql()
                .SetSampler(Telemetry.RecordsTraces(builder.Configuration) ? new AlwaysOnSampler() : new AlwaysOffSampler()))
            .WithMetrics(metrics => metrics
                .AddMeter(KalmarMetrics.MeterName, Telemetry.OrleansMeter)
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddPrometheusExporter())
            .WithLogging();
        if (Telemetry.ExportsOtlp(builder.Configuration))
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>The operators' routes: <see cref="MetricsPath"/> and the dashboard, both behind the operator role.</summary>
    public static IEndpointRouteBuilder MapKalmarOperations(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(AuthExtensions.OperatorPolicy);
        app.MapOrleansDashboard(DashboardPath).RequireAuthorization(AuthExtensions.OperatorPolicy);
        return app;
    }

    private static bool IsOperationsPath(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments(MetricsPath) || path.StartsWithSegments(DashboardPath);
}
