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

    /// <summary>Whether spans are recorded: by default only when they are exported (<see cref="OtlpEndpointKey"/>).</summary>
    public const string TracesKey = "Telemetry:Traces";

    public static bool ExportsOtlp(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]);

    /// <summary>
    /// Spans that nobody reads cost every request and every grain call their allocations, so a node records them when it
    /// exports them or when <see cref="TracesKey"/> says so (a test that reads them from memory).
    /// </summary>
    public static bool RecordsTraces(IConfiguration configuration) => bool.TryParse(configuration[TracesKey], out var asked) ? asked : ExportsOtlp(configuration);
}
