using Kalmar.Contracts.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kalmar.Silo.Extensions;

public static class AdoNetProviderExtensions
{
    /// <summary>
    /// Orleans' ADO.NET clustering, grain storage (as the default) and reminders, all on the one Kalmar database.
    /// Their options are unrelated types that share the names of these two settings, so one section binds them all; a
    /// name that stopped matching one of them throws at start instead of leaving that provider on its own default.
    /// </summary>
    public static ISiloBuilder UseAdoNetProviders(this ISiloBuilder silo, string connectionString)
    {
        var database = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Invariant"] = ClusterSettings.Invariant,
            ["ConnectionString"] = connectionString,
        }).Build();
        static void Strictly(BinderOptions binder) => binder.ErrorOnUnknownConfiguration = true;
        return silo
            .UseAdoNetClustering(options => options.Bind(database, Strictly))
            .AddAdoNetGrainStorageAsDefault(options => options.Bind(database, Strictly))
            .UseAdoNetReminderService(options => options.Bind(database, Strictly));
    }
}
