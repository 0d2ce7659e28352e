using Kalmar.Bench.Baseline;
using Npgsql;

var builder = WebApplication.CreateBuilder(args);
// A log line per request would measure the console, not the design.
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(
    builder.Configuration.GetConnectionString("Baseline") ?? throw new InvalidOperationException("Set ConnectionStrings__Baseline.")));
builder.Services.AddSingleton<Purchases>();

var app = builder.Build();
await Schema.EnsureAsync(app.Services.GetRequiredService<NpgsqlDataSource>());
app.MapBaselineApi();
app.Run();
