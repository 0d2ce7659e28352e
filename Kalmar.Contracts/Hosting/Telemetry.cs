using Microsoft.Extensions.Configuration;

namespace Kalmar.Contracts.Hosting;

/// <summary>What silos and web nodes share about OpenTelemetry: Orleans' sources and meter, and when to export over OTLP.</summary>
public static class Telemetry
{
    /// <summary>The standard variable (or configuration key) of the OTLP exporter; nothing is exported without it.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Orleans' activity sources (runtime, application grain calls, storage, lifecycle).</summary>
    public const string OrleansSources = "Microsoft.Orleans.*";

    public const string OrleansMeter = "Microsoft.Orleans";

    public static bool ExportsOtlp(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]);
}
