using Kalmar.Silo.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.UseOrleans(silo => silo
    .ConfigureKalmarEndpoints(builder.Configuration)
    .AddKalmar(builder.Configuration));
// Orleans hands its grains to the other silos on shutdown; give it time to do so.
builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(30));

await builder.Build().RunAsync();
