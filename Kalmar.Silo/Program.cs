using Kalmar.Contracts.Hosting;
using Kalmar.Silo.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kalmar.Silo;

// A named class rather than top-level statements: tests reference both hosts, and two global
// `Program` types would clash.
public static class SiloProgram
{
    public static async Task Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        ProductionSettings.Check(builder.Configuration, builder.Environment.EnvironmentName);
        // One JSON object a line, with the trace and span id (activity tracking, AddKalmarTelemetry) among its scopes.
        builder.Logging.AddJsonConsole(options => (options.IncludeScopes, options.UseUtcTimestamp, options.TimestampFormat) = (true, true, "O"));
        builder.UseOrleans(silo => silo
            .ConfigureKalmarEndpoints(builder.Configuration)
            .AddKalmar(builder.Configuration));
        // Orleans hands its grains over to the other silos on shutdown; give it time to do so.
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(30));
        await builder.Build().RunAsync();
    }
}
