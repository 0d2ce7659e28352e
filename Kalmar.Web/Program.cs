using Kalmar.Contracts.Hosting;
using Kalmar.Web.Extensions;
using Kalmar.Web.Observability;

var builder = WebApplication.CreateBuilder(args);
ProductionSettings.Check(builder.Configuration, builder.Environment.EnvironmentName);
builder.AddKalmarCluster();
builder.AddKalmarWeb();
builder.AddKalmarProxyRules();
builder.AddKalmarObservability();

var app = builder.Build();
app.UseKalmarWeb();
app.Run();

/// <summary>The web host's entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
