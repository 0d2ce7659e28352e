using Kalmar.Contracts.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Dashboard;

namespace Kalmar.Silo.Extensions;

public static class SiloTelemetryExtensions
{
    /// <summary>Section <c>Telemetry</c>: a port for the silo's own Prometheus text (on localhost only), unset by default.</summary>
    public const string PrometheusPortKey = "Telemetry:PrometheusPort";

    /// <summary>
    /// What the silo tells operations: traces of grain calls (continuing the web node's trace, Orleans' activity
    /// propagation) down to PostgreSQL; our meters, Orleans' and the runtime's; logs with the trace id. Exported over OTLP
    /// when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, as Prometheus text on <see cref="PrometheusPortKey"/> when that is,
    /// and the Orleans dashboard's silo side, which the web node shows to operators.
    /// </summary>
    public static ISiloBuilder AddKalmarTelemetry(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.AddActivityPropagation();
        // The dashboard's live log view would show personal data (e-mail addresses) to whoever opens it: off.
        silo.AddDashboard(options => options.HideTrace = true);
        var services = silo.Services;
        services.AddMetrics();
        services.AddSingleton<KalmarMetrics>();
        services.Configure<LoggerFactoryOptions>(options =>
            options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("kalmar-silo"))
            .WithTracing(tracing => tracing.AddSource(Telemetry.OrleansSources).AddNpgsql()
                .SetSampler(Telemetry.RecordsTraces(configuration) ? new AlwaysOnSampler() : new AlwaysOffSampler()))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(KalmarMetrics.MeterName, Telemetry.OrleansMeter).AddRuntimeInstrumentation().AddNpgsqlInstrumentation();
                if (configuration.GetValue<int?>(PrometheusPortKey) is { } port)
                {
                    metrics.AddPrometheusHttpListener(options => (options.Host, options.Port) = ("localhost", port));
                }
            })
            .WithLogging();
        if (Telemetry.ExportsOtlp(configuration))
        {
            telemetry.UseOtlpExporter();
        }

        return silo;
    }
}
