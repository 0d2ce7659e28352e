using Kalmar.Grains.Infrastructure;
using Kalmar.Grains.Users;
using Kalmar.Silo.DemoData;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Kalmar.Silo.Extensions;

public static class SiloBuilderExtensions
{
    /// <summary>
    /// Everything a Kalmar silo needs but its endpoints and cluster id: the database (migrated at
    /// start), ADO.NET clustering, grain storage and reminders, and the grains' services. Tests call
    /// this too, so they run the silo we ship.
    /// </summary>
    public static ISiloBuilder AddKalmar(this ISiloBuilder silo, IConfiguration configuration)
    {
        var connectionString = configuration.GetKalmarConnectionString();
        silo.UseAdoNetClustering(options =>
        {
            options.Invariant = ClusterSettings.Invariant;
            options.ConnectionString = connectionString;
        });
        silo.AddAdoNetGrainStorageAsDefault(options =>
        {
            options.Invariant = ClusterSettings.Invariant;
            options.ConnectionString = connectionString;
        });
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = ClusterSettings.Invariant;
            options.ConnectionString = connectionString;
        });

        var services = silo.Services;
        services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, MigrateOnStart>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<UserEmailIndex>();
        if (configuration.GetValue<bool>("DemoData:Enabled"))
        {
            services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, DemoDataOnStart>();
        }

        return silo;
    }
}
