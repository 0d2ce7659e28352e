using Kalmar.Bench.Baseline;
using Npgsql;

var builder = WebApplication.CreateBuilder(args);
// A log line per request would measure the console, not the design.
builder.Logging.SetMinimumLevel(LogLevel.Warning);
// The driver settings Kalmar's grains use (Kalmar.Silo's GrainDatabase): the statement prepared once per connection,
// which PostgreSQL otherwise parses and plans on every purchase. The comparison is between designs, not driver settings.
builder.Services.AddSingleton(_ =>
{
    var dataSource = new NpgsqlDataSourceBuilder(
        builder.Configuration.GetConnectionString("Baseline") ?? throw new InvalidOperationException("Set ConnectionStrings__Baseline."));
    dataSource.ConnectionStringBuilder.MaxAutoPrepare = 64;
    dataSource.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
    dataSource.ConnectionStringBuilder.NoResetOnClose = true;
    return dataSource.Build();
});
builder.Services.AddSingleton<Purchases>();

var app = builder.Build();
await Schema.EnsureAsync(app.Services.GetRequiredService<NpgsqlDataSource>());
app.MapBaselineApi();
app.Run();
