using Kalmar.Contracts.Hosting;
using Kalmar.Web.Commands;
using Kalmar.Web.Extensions;
using Kalmar.Web.Observability;

if (args is [CreateOperatorCommand.Name, .. var options])
{
    return await CreateOperatorCommand.RunAsync(options);
}

var builder = WebApplication.CreateBuilder(args);
ProductionSettings.Check(builder.Configuration, builder.Environment.EnvironmentName);
builder.AddKalmarCluster();
builder.AddKalmarWeb();
builder.AddKalmarProxyRules();
builder.AddKalmarObservability();

var app = builder.Build();
app.UseKalmarWeb();
await app.RunAsync();
return 0;

/// <summary>The web host's entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
