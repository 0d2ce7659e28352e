using Kalmar.Contracts.Hosting;
using Kalmar.Grains.Audit;
using Kalmar.Grains.Companies;
using Kalmar.Grains.Credit;
using Kalmar.Grains.Fares;
using Kalmar.Grains.Infrastructure;
using Kalmar.Grains.Invoices;
using Kalmar.Grains.Live;
using Kalmar.Grains.Ordering;
using Kalmar.Grains.Sessions;
using Kalmar.Grains.Tickets;
using Kalmar.Grains.Transit;
using Kalmar.Grains.Users;
using Kalmar.Silo.DemoData;
using Kalmar.Silo.Invoices;
using Kalmar.Silo.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

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
        silo.UseAdoNetProviders(connectionString);
        silo.AddKalmarTelemetry(configuration);

        var services = silo.Services;
        // Grain state in Orleans' own version-tolerant binary format (the [Id]s of our state types),
        // not the default JSON with .NET type names, which cannot read back compiler-made collection types.
        services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        // A failed write or query reaches the caller as Npgsql's own exception. Orleans serializes exceptions only from
        // namespaces it is told of; without this the caller got a CodecNotFoundException that hid what went wrong.
        services.Configure<ExceptionSerializationOptions>(options => options.SupportedNamespacePrefixes.Add("Npgsql"));
        services.AddSingleton(_ => GrainDatabase.Create(connectionString));
        services.AddCachedGrainInterfaceTypes();
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, MigrateOnStart>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton(BusinessClock.Key, TimeProvider.System);
        services.AddOptions<ApprovalOptions>().Bind(configuration.GetSection(ApprovalOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PortalOptions>().Bind(configuration.GetSection(PortalOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        // Orleans refuses reminder periods under a minute unless told otherwise (tests use seconds).
        services.Configure<ReminderOptions>(options =>
            options.MinimumReminderPeriod = configuration.GetValue("Reminders:MinimumPeriod", TimeSpan.FromMinutes(1)));
        services.AddSingleton<UserStore>();
        services.AddSingleton<LivePublisher>();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<CompanyStore>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<CreditAccountStore>();
        services.AddSingleton<TicketBook>();
        services.AddSingleton<TicketStatusStore>();
        services.AddSingleton<TravellerOrders>();
        services.AddSingleton<PendingOrders>();
        services.AddSingleton<InvoiceLedger>();
        services.AddSingleton<InvoiceStore>();
        services.AddSingleton<Reconciliation>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, MonthCloseOnStart>();
        services.AddKalmarNotifications(configuration);
        // Loaded while the silo is configured, so a broken feed or price table stops it at once with the file and line.
        services.AddSingleton(TransitIndex.Load(DataPath(configuration, "Transit:GtfsPath", "gtfs")));
        services.AddSingleton(PriceTable.Load(DataPath(configuration, "Transit:FaresPath", "fares")));
        if (configuration.GetValue<bool>("DemoData:Enabled"))
        {
            services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, DemoDataOnStart>();
        }

        return silo;
    }

    /// <summary>A configured data path, or the shipped data beside the silo's binaries.</summary>
    private static string DataPath(IConfiguration configuration, string key, string shippedFolder) =>
        configuration[key] is { Length: > 0 } path ? path : Path.Combine(AppContext.BaseDirectory, "Data", shippedFolder);
}
