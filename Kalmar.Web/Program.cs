using Kalmar.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddKalmarCluster();
builder.AddKalmarWeb();
builder.AddKalmarProxyRules();

var app = builder.Build();
app.UseKalmarWeb();
app.Run();

/// <summary>The web host's entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
